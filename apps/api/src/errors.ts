/** Every failure the API reports on purpose, and the one HTTP status each maps to. */
export const AppErrorCode = {
  BadRequest: 'BAD_REQUEST',
  Unauthorized: 'UNAUTHORIZED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  Unprocessable: 'UNPROCESSABLE',
  Busy: 'BUSY',
  Internal: 'INTERNAL',
} as const;
export type AppErrorCode = (typeof AppErrorCode)[keyof typeof AppErrorCode];

export const statusOf: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  BUSY: 503,
  INTERNAL: 500,
};

export interface Bilingual {
  zh: string;
  en: string;
}

export interface FieldProblem {
  path: string;
  message: Bilingual;
}

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly text: Bilingual,
    readonly details: { fields?: FieldProblem[]; current?: unknown } = {},
  ) {
    super(text.en);
  }
}

export const errorText = {
  unauthorized: { zh: '请先登录', en: 'Sign in first' },
  badCredentials: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  forbidden: { zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  notFound: { zh: '记录不存在或您无权查看', en: 'Not found' },
  routeNotFound: { zh: '接口不存在', en: 'No such endpoint' },
  invalid: { zh: '提交的内容有误，请检查标出的字段', en: 'Some fields are invalid' },
  badJson: { zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  badForm: { zh: '上传的表单不完整或格式有误，请重新提交', en: 'The form is incomplete or malformed; send it again' },
  unstorable: {
    zh: '提交的内容含有无法保存的字符或超出范围的数字，请检查后重试',
    en: 'The request holds characters that cannot be saved or a number out of range',
  },
  mediaType: { zh: '不支持的内容类型', en: 'Unsupported content type' },
  tooLarge: { zh: '提交的内容过大', en: 'The request body is too large' },
  staleVersion: {
    zh: '该记录已被他人修改，您的修改未保存。请查看最新版本后重新提交。',
    en: 'Someone else saved this record first; your changes were not saved. Review the latest version and apply them again.',
  },
  internal: { zh: '服务器内部错误，请稍后重试', en: 'Internal server error; try again later' },
} satisfies Record<string, Bilingual>;
