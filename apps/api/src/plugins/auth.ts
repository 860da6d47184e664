import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '@reform/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { SessionUser } from '../access/session-user.ts';

export const SESSION_COOKIE = 'reform_sid';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The subtree a user looks after: a county reform office sees its whole county. */
function scopePathOf(unit: { kind: string; path: string }, parent: { kind: string; path: string } | null): string {
  if (unit.kind === 'reform_office' && parent && (parent.kind === 'county' || parent.kind === 'zone')) return parent.path;
  return unit.path;
}

export async function loadSessionUser(db: Database, token: string, now: Date): Promise<SessionUser | null> {
  const session = await db.prisma.session.findUnique({
    where: { id: hashToken(token) },
    include: { user: { include: { unit: { include: { parent: true } } } } },
  });
  if (!session || session.expiresAt <= now || !session.user.active) return null;
  const { user } = session;
  const scopePath = scopePathOf(user.unit, user.unit.parent);
  const subtree =
    user.role === 'county_office'
      ? await db.prisma.unit.findMany({ where: { path: { startsWith: scopePath } }, select: { id: true } })
      : [{ id: user.unit.id }];
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unit: { id: user.unit.id, name: user.unit.name, kind: user.unit.kind, path: user.unit.path },
    scopePath,
    scopeUnitIds: subtree.map((unit) => unit.id),
  };
}

export interface AuthOptions {
  db: Database;
  sessionTtlHours: number;
  cookieSecure: boolean;
  clock: () => Date;
}

declare module 'fastify' {
  interface FastifyInstance {
    startSession(reply: FastifyReply, userId: number): Promise<void>;
    endSession(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
}

/**
 * Sessions are rows in the database (only a hash of the token is stored), so any number of
 * stateless API processes can serve the same user.
 */
export const auth = fp<AuthOptions>(async (app: FastifyInstance, options) => {
  const { db, sessionTtlHours, cookieSecure, clock } = options;
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict', secure: cookieSecure } as const;

  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.user = token ? await loadSessionUser(db, token, clock()) : null;
  });

  app.decorate('startSession', async (reply: FastifyReply, userId: number) => {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(clock().getTime() + sessionTtlHours * 3_600_000);
    await db.prisma.session.create({ data: { id: hashToken(token), userId, expiresAt } });
    await db.prisma.session.deleteMany({ where: { userId, expiresAt: { lte: clock() } } });
    reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, expires: expiresAt });
  });

  app.decorate('endSession', async (request: FastifyRequest, reply: FastifyReply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await db.prisma.session.deleteMany({ where: { id: hashToken(token) } });
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
  });
});
