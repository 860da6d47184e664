import type { FastifyRequest } from 'fastify';
import type { UseCaseContext } from '../modules/context.ts';
import { AppError, AppErrorCode, errorText } from '../errors.ts';

/** The use-case context of a signed-in request (the access plugin has already checked the session). */
export function contextOf(request: FastifyRequest): UseCaseContext {
  if (!request.user) throw new AppError(AppErrorCode.Unauthorized, errorText.unauthorized);
  return { db: request.server.db, user: request.user, today: request.server.today(), requestId: request.id };
}
