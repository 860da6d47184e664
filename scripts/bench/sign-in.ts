import type { FastifyInstance } from 'fastify';

/** Signs a demo account in through the app (in-process) and answers its session cookie. */
export async function signIn(app: FastifyInstance, username: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Reform@2026' } });
  const cookie = response.cookies.find((c) => c.name === 'reform_sid');
  if (!cookie) throw new Error(`cannot sign in as ${username}: ${response.body}`);
  return `reform_sid=${cookie.value}`;
}
