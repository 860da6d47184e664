import type { TErrorBody } from '@reform/contracts';
import { englishFor } from '@reform/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, AppErrorCode, errorText, statusOf, type Bilingual } from '../errors.ts';

type Language = 'zh' | 'en';

export function languageOf(request: FastifyRequest): Language {
  return request.headers['accept-language']?.trim().toLowerCase().startsWith('en') ? 'en' : 'zh';
}

const english = z.locales.en();

interface ValidationItem {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/** zod reports unknown keys as one issue at the parent; a user wants one message per field. */
function fieldsOf(items: ValidationItem[], language: Language) {
  return items.flatMap((item) => {
    const parent = item.instancePath.split('/').filter(Boolean);
    if (item.keyword === 'unrecognized_keys') {
      const keys = (item.params.keys as string[] | undefined) ?? [];
      return keys.map((key) => ({
        path: [...parent, key].join('.'),
        message: language === 'en' ? `Unknown field "${key}"` : `不允许的字段“${key}”`,
      }));
    }
    const zh = item.message ?? '';
    let message = zh;
    if (language === 'en') {
      const localised = english.localeError({ code: item.keyword, ...item.params, message: zh } as never);
      message = englishFor.get(zh) ?? (typeof localised === 'string' ? localised : localised?.message) ?? zh;
    }
    return [{ path: parent.join('.'), message }];
  });
}

/**
 * The SQLSTATE of a database error, however it arrived: from pg directly, or wrapped by Prisma's
 * driver adapter (`meta.driverAdapterError.cause.originalCode`).
 */
function sqlStateOf(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  const wrapped = candidate.meta?.driverAdapterError?.cause?.originalCode;
  if (typeof wrapped === 'string') return wrapped;
  return typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code) ? candidate.code : undefined;
}

/**
 * Class 22 (data exception: a NUL byte, an untranslatable character, a number out of range, bad
 * JSON text) is the database refusing a value the request brought. The contracts refuse such
 * values first; this is the safety net for one they miss, so it is never a 500.
 */
const isInputRefusedByDatabase = (error: unknown) => sqlStateOf(error)?.startsWith('22') ?? false;

const clientStatusCodes: Record<number, AppErrorCode> = {
  400: AppErrorCode.BadRequest,
  403: AppErrorCode.Forbidden,
  404: AppErrorCode.NotFound,
  413: AppErrorCode.PayloadTooLarge,
  415: AppErrorCode.UnsupportedMediaType,
};

const declaredText: Partial<Record<AppErrorCode, Bilingual>> = {
  [AppErrorCode.Forbidden]: errorText.forbidden,
  [AppErrorCode.NotFound]: errorText.notFound,
  [AppErrorCode.PayloadTooLarge]: errorText.tooLarge,
  [AppErrorCode.UnsupportedMediaType]: errorText.mediaType,
};

function send(reply: FastifyReply, request: FastifyRequest, code: AppErrorCode, text: Bilingual, extra: Partial<TErrorBody> = {}) {
  const language = languageOf(request);
  const body: TErrorBody = {
    statusCode: statusOf[code],
    code,
    message: text[language],
    requestId: request.id,
    ...extra,
  };
  return reply.status(body.statusCode).send(body);
}

/** The single error handler: every failure leaves as a ZErrorBody, never with a stack or SQL. */
export const errorHandler = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const language = languageOf(request);
    if (error instanceof AppError) {
      const fields = error.details.fields?.map((field) => ({ path: field.path, message: field.message[language] }));
      return send(reply, request, error.code, error.text, {
        ...(fields ? { fields } : {}),
        ...(error.details.current !== undefined ? { current: error.details.current } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = (error as { validationContext?: string }).validationContext;
      const fields = fieldsOf(error.validation as ValidationItem[], language).map((field) =>
        context && context !== 'body' ? { ...field, path: field.path ? `${context}.${field.path}` : context } : field,
      );
      return send(reply, request, AppErrorCode.BadRequest, errorText.invalid, { fields });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return send(reply, request, AppErrorCode.Internal, errorText.internal);
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, request, AppErrorCode.BadRequest, errorText.badJson);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return send(reply, request, AppErrorCode.UnsupportedMediaType, errorText.mediaType);
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
      case 'FST_FILES_LIMIT':
      case 'FST_PARTS_LIMIT':
      case 'FST_FIELDS_LIMIT':
        return send(reply, request, AppErrorCode.PayloadTooLarge, errorText.tooLarge);
      case 'FST_PROTO_VIOLATION':
      case 'FST_INVALID_JSON_FIELD_ERROR':
      case 'FST_MP_PREMATURE_CLOSE':
        return send(reply, request, AppErrorCode.BadRequest, errorText.badForm);
    }
    // A plugin that refuses a request says so with a 4xx (e.g. the static files' 400 for a NUL in a path).
    const declared = clientStatusCodes[error.statusCode ?? 0];
    if (declared) return send(reply, request, declared, declaredText[declared] ?? errorText.invalid);
    if (isInputRefusedByDatabase(error)) {
      request.log.warn({ err: error }, 'the database refused a value the contracts let through');
      return send(reply, request, AppErrorCode.BadRequest, errorText.unstorable);
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, AppErrorCode.Internal, errorText.internal);
  });
});
