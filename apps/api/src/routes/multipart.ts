import type { FastifyRequest } from 'fastify';
import { AppError, AppErrorCode, errorText, type Bilingual } from '../errors.ts';

/** The one upload a form carries, its name made storable, and the named text fields beside it. */
export interface ReceivedFile<F extends string> {
  filename: string;
  content: Buffer;
  fields: Partial<Record<F, string>>;
}

export interface FileLimits<F extends string> {
  /** The file's form field. */
  fileField: string;
  /** The text fields the route reads; any other field is ignored. */
  fields: readonly F[];
  maxBytes: number;
  /** What the user is told when there is no file (also for a body that is not a form: 415). */
  noFile: Bilingual;
  /** What the user is told when the file is over `maxBytes`. */
  tooLarge: Bilingual;
}

const oneFile: Bilingual = { zh: '每次只能上传一个文件', en: 'Upload one file at a time' };
const tooManyParts: Bilingual = { zh: '表单内容过多，请只提交文件和所需的字段', en: 'The form has too many parts' };

/** Parts a form may have besides its fields and the file; more is not a form our pages send. */
const SPARE_PARTS = 4;

/**
 * A file name as the sender's system gave it, made storable: control characters (NUL among them)
 * dropped, half surrogate pairs replaced, cut at 200 characters without splitting one.
 */
export function storableFileName(name: string): string {
  const kept = Array.from(name.replace(/[\ud800-\udfff]/gu, '\ufffd'))
    .filter((char) => char >= ' ' && char !== '\u007f')
    .join('')
    .trim();
  return Array.from(kept).slice(0, 200).join('') || '未命名文件';
}

function refusal(error: unknown, limits: FileLimits<string>): AppError {
  switch ((error as { code?: string }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError(AppErrorCode.PayloadTooLarge, limits.tooLarge);
    case 'FST_FILES_LIMIT':
      return new AppError(AppErrorCode.BadRequest, errorText.invalid, { fields: [{ path: limits.fileField, message: oneFile }] });
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError(AppErrorCode.PayloadTooLarge, tooManyParts);
    default:
      // Whatever else the form parser stops at is a body it could not read (busboy's errors carry no code).
      return new AppError(AppErrorCode.BadRequest, errorText.badForm);
  }
}

/**
 * Receives the single file of a multipart upload within limits (one file, a few parts, a size),
 * and answers every way a form can be wrong with 400, 413 or 415 and a message for the user.
 */
export async function receiveFile<F extends string>(request: FastifyRequest, limits: FileLimits<F>): Promise<ReceivedFile<F>> {
  if (!request.isMultipart()) throw new AppError(AppErrorCode.UnsupportedMediaType, limits.noFile);
  let file: { filename: string; content: Buffer } | undefined;
  const fields: Partial<Record<F, string>> = {};
  const wanted = new Set<string>(limits.fields);
  try {
    const parts = request.parts({
      limits: {
        files: 1,
        fields: limits.fields.length + SPARE_PARTS,
        parts: limits.fields.length + 1 + SPARE_PARTS,
        fileSize: limits.maxBytes,
        fieldSize: 64 * 1024,
        headerPairs: 20,
      },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.fieldname === limits.fileField) file = { filename: storableFileName(part.filename), content };
      } else if (wanted.has(part.fieldname)) {
        fields[part.fieldname as F] = String(part.value ?? '');
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refusal(error, limits);
  }
  if (!file || file.content.length === 0) {
    throw new AppError(AppErrorCode.BadRequest, errorText.invalid, { fields: [{ path: limits.fileField, message: limits.noFile }] });
  }
  return { ...file, fields };
}
