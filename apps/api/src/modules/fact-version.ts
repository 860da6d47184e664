import type { Database } from '@reform/db';
import type { UseCaseContext } from './context.ts';

/**
 * The fact version (migration 0019): a number every committed write of a fact moves on, by any
 * path (statement triggers on every table the figures read, bumped once per transaction at its
 * commit). Reading it is one indexed row.
 */
export async function factVersion(db: Pick<Database, 'query'>): Promise<bigint> {
  const [row] = await db.query<{ version: string }>(`SELECT version::text AS version FROM fact_version WHERE id = 1`);
  return BigInt(row?.version ?? 0);
}

/** How much a memo keeps: answers of the current version only, at most this many, at most this weight. */
const MAX_ENTRIES = 200;
/** In rows of the answers (tasks, units): a city battle map of 100,000 tasks weighs 100,000. */
const MAX_WEIGHT = 400_000;

/** Answers a memo holds: never changed once kept, so their JSON can be kept beside them. */
const keptAnswers = new WeakSet<object>();

/** Whether `value` is an answer a memo keeps (`plugins/kept-serializer.ts` writes its JSON once). */
export const isKeptAnswer = (value: unknown): value is object => typeof value === 'object' && value !== null && keptAnswers.has(value);

interface Entry {
  value: Promise<unknown>;
  weight: number;
}

/**
 * What has been computed from the facts of one fact version, by key (today, the use case, its
 * parameters and the caller's scope). A cache, never a store: it holds one version's answers, in
 * this process only; the first read after a write anywhere finds a newer version and computes again,
 * and each API process computes once per version. Least recently used answers go first.
 */
class FactMemo {
  private version = -1n;
  private readonly entries = new Map<string, Entry>();
  private weight = 0;

  async get<T>(version: bigint, key: string, compute: () => Promise<T>, weigh: (value: T) => number): Promise<T> {
    // A request that read the version before a newer one was seen computes without keeping it.
    if (version < this.version) return compute();
    if (version > this.version) {
      this.version = version;
      this.entries.clear();
      this.weight = 0;
    }
    const known = this.entries.get(key);
    if (known) {
      this.entries.delete(key);
      this.entries.set(key, known);
      return known.value as Promise<T>;
    }
    const entry: Entry = { value: compute(), weight: 0 };
    this.entries.set(key, entry);
    try {
      const value = (await entry.value) as T;
      if (this.entries.get(key) === entry) {
        entry.weight = Math.max(1, weigh(value));
        if (typeof value === 'object' && value !== null) keptAnswers.add(value);
        this.weight += entry.weight;
        this.evict();
      }
      return value;
    } catch (error) {
      if (this.entries.get(key) === entry) this.entries.delete(key);
      throw error;
    }
  }

  private evict() {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= MAX_ENTRIES && this.weight <= MAX_WEIGHT) return;
      this.entries.delete(key);
      this.weight -= entry.weight;
    }
  }
}

const memos = new WeakMap<Database, FactMemo>();


/**
 * `compute`'s answer for these facts: the fact version is read first, then (on a miss) `compute`
 * reads the facts, which are therefore at least as new as the version they are kept under. `key`
 * must name everything the answer depends on besides the facts and today: the use case, its
 * parameters and the caller's scope (`taskScopeKey`). Callers must not change what they get.
 */
export async function memoizedByFacts<T>(
  ctx: Pick<UseCaseContext, 'db' | 'today'>,
  key: readonly unknown[],
  compute: () => Promise<T>,
  weigh: (value: T) => number = () => 1,
): Promise<T> {
  let memo = memos.get(ctx.db);
  if (!memo) {
    memo = new FactMemo();
    memos.set(ctx.db, memo);
  }
  const version = await factVersion(ctx.db);
  return memo.get(version, JSON.stringify([ctx.today, ...key]), compute, weigh);
}
