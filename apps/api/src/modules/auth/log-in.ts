import type { TLoginBody } from '@reform/contracts';
import { verifyPassword, type Database } from '@reform/db';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';

// Verifying against a real hash when the user does not exist keeps the timing the same,
// so the response does not reveal which usernames exist.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** Checks the credentials of an active user and answers their id (the route then opens the session). */
export async function logIn(db: Database, body: TLoginBody): Promise<number> {
  const user = await db.prisma.user.findUnique({ where: { username: body.username }, select: { id: true, passwordHash: true, active: true } });
  const valid = await verifyPassword(body.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid || !user.active) throw new AppError(AppErrorCode.Unauthorized, errorText.badCredentials);
  return user.id;
}
