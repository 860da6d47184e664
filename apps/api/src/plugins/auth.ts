import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '@reform/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { SessionUser } from '../access/session-user.ts';
import { loadSessionUser } from '../modules/auth/load-session-user.ts';

export const SESSION_COOKIE = 'reform_sid';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface AuthOptions {
  db: Database;
  sessionTtlHours: number;
  cookieSecure: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Opens a session for the user and answers who is now signed in. */
    startSession(reply: FastifyReply, userId: number): Promise<SessionUser>;
    endSession(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
}

/**
 * Sessions are rows in the database (only a hash of the token is stored), so any number of
 * stateless API processes can serve the same user.
 */
export const auth = fp<AuthOptions>(async (app: FastifyInstance, options) => {
  const { db, sessionTtlHours, cookieSecure } = options;
  // Sessions live on the wall clock, not the app's business date: with TODAY pinned in the past
  // (tests, demonstrations) a session would otherwise be born expired and the browser drop it.
  const clock = () => new Date();
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict', secure: cookieSecure } as const;

  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.user = token ? await loadSessionUser(db, hashToken(token), clock()) : null;
  });

  app.decorate('startSession', async (reply: FastifyReply, userId: number) => {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(clock().getTime() + sessionTtlHours * 3_600_000);
    const sessionId = hashToken(token);
    await db.prisma.session.create({ data: { id: sessionId, userId, expiresAt } });
    await db.prisma.session.deleteMany({ where: { userId, expiresAt: { lte: clock() } } });
    const user = await loadSessionUser(db, sessionId, clock());
    if (!user) throw new Error(`session of user ${userId} vanished as it was opened`);
    reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, expires: expiresAt });
    return user;
  });

  app.decorate('endSession', async (request: FastifyRequest, reply: FastifyReply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await db.prisma.session.deleteMany({ where: { id: hashToken(token) } });
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
  });
});
