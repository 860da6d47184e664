import type { Prisma } from '@reform/db';
import { AppError, AppErrorCode, errorText } from '../errors.ts';
import type { UseCaseContext } from './context.ts';

type Tx = Prisma.TransactionClient;

/**
 * The 409 for a stale `version`, carrying the record as it is now. `current` reads through the
 * outer client, so it must only run when no transaction of this request is open: on the embedded
 * database the one connection belongs to that transaction, and the read would wait for its
 * timeout while every other user waits too.
 */
export async function staleVersion(current: () => Promise<unknown>): Promise<never> {
  throw new AppError(AppErrorCode.Conflict, errorText.staleVersion, { current: await current() });
}

/** The unique-key violation Prisma reports for a row that an "at most one" index refuses. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

/**
 * The house way to write a record that carries a `version` (see /docs "versioned write"):
 *
 * 1. `claim` is the version-guarded update, `updateMany({ where: { id, version }, … })` (or an
 *    insert that skips duplicates); it returns how many rows it changed. The database decides
 *    who wins, so of N requests sent with the same version exactly one gets count 1.
 * 2. On a hit, `rest` writes everything else in the same transaction (child rows, audit log).
 * 3. On a miss the transaction ends at once (nothing was written), and only then `current` is
 *    read for the 409, outside any transaction.
 *
 * The caller may check the version against what it loaded before calling, for an early 409 that
 * starts no transaction; the claim is what makes the rule hold under concurrency.
 */
export async function versionedWrite<T>(
  ctx: Pick<UseCaseContext, 'db'>,
  steps: {
    claim: (tx: Tx) => Promise<{ count: number }>;
    rest: (tx: Tx) => Promise<T>;
    current: () => Promise<unknown>;
  },
): Promise<T> {
  const outcome = await ctx.db.prisma.$transaction(async (tx) => {
    const { count } = await steps.claim(tx);
    if (count === 0) return { hit: false as const };
    return { hit: true as const, value: await steps.rest(tx) };
  });
  if (!outcome.hit) return staleVersion(steps.current);
  return outcome.value;
}
