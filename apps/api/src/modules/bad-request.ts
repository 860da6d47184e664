import { AppError, AppErrorCode, errorText } from '../errors.ts';

/** A 400 naming the one field that is wrong, in words for the user. */
export function badRequest(path: string, zh: string, en: string): AppError {
  return new AppError(AppErrorCode.BadRequest, errorText.invalid, { fields: [{ path, message: { zh, en } }] });
}
