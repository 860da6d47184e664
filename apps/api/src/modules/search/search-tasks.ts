import type { Prisma } from '@reform/db';
import { searchQueryTerms, searchWords } from '@reform/domain';
import type { UseCaseContext } from '../context.ts';
import { refreshSearchTerms } from './refresh-search-terms.ts';

/**
 * The embedded database has one connection: concurrent searches queue for it rather than fail;
 * and a slow search on a busy server answers late rather than with Prisma's 5 s transaction limit.
 */
const SEARCH_WAIT_MS = 30_000;

/** A page loader: the caller's own select, include and sort, given the filter and the rows to skip and take. */
export type PageLoader<T> = (client: Prisma.TransactionClient, where: Prisma.TaskWhereInput, skip: number, take: number) => Promise<T[]>;

export interface SearchPage<T> {
  items: T[];
  total: number;
  /** The words searched for, as the server cut the query, so the web highlights the same. */
  searchWords: string[];
}

/**
 * The filter of a keyword query: tasks holding every word of it (`searchWords`), read from
 * the terms that database triggers keep current. A query without letters or digits matches
 * the codes that contain it.
 */
export async function searchFilter(ctx: UseCaseContext, query: string): Promise<Prisma.TaskWhereInput> {
  const terms = searchQueryTerms(query);
  if (terms.length === 0) return { code: { contains: query, mode: 'insensitive' } };
  // Searching reads the terms, so a task edited a moment ago is found by its new words.
  await refreshSearchTerms(ctx.db, { maxTasks: 2_000 });
  return { search: { is: { terms: { hasEvery: terms } } } };
}

/**
 * When a group of matches is paged by walking the list's sort order and testing each task's
 * terms: from this many matches and this share of all tasks (a page then reads about
 * `take ÷ share` rows). A smaller group is read through the GIN index, joined and sorted.
 */
export interface WalkingFrom {
  size: number;
  share: number;
}
const WALKING_FROM: WalkingFrom = { size: 1_000, share: 0.1 };

interface MatchCounts {
  total: number;
  /** How many tasks there are, as the planner's statistics say (0 before the first ANALYZE). */
  tasks: number;
}

/** Whether a filter is no filter at all (the whole city's list, no other condition). */
function unfiltered(where: Prisma.TaskWhereInput): boolean {
  const { AND, ...rest } = where;
  if (Object.values(rest).some((value) => value !== undefined)) return false;
  return AND === undefined || (Array.isArray(AND) ? AND : [AND]).every(unfiltered);
}

/**
 * How many tasks match, counted through the GIN index, and how many tasks there are. The whole
 * list (no scope, no filter) counts `task_search` alone — one row per task, kept by a trigger —
 * instead of joining every match to its task (99,862 for 改革 at 100,000 tasks: a third of the
 * time). Counting the title matches in the same pass tested every match's title terms and cost
 * as much again, so they are counted only when a page needs them.
 */
async function countMatches(
  tx: Prisma.TransactionClient,
  where: Prisma.TaskWhereInput,
  matching: Prisma.TaskWhereInput,
  terms: string[],
): Promise<MatchCounts> {
  const whole = unfiltered(where);
  // A filtered list's matches are counted joined to its filter below; here its count is skipped (false AND …).
  const [row] = await tx.$queryRaw<{ total: number; tasks: number }[]>`
    SELECT (SELECT count(*) FROM task_search WHERE ${whole} AND terms @> ${terms}::text[])::int AS total,
           greatest((SELECT reltuples FROM pg_class WHERE oid = 'task'::regclass), 0)::float8 AS tasks`;
  const tasks = row?.tasks ?? 0;
  return { total: whole ? (row?.total ?? 0) : await tx.task.count({ where: matching }), tasks };
}

/**
 * One page of the tasks matching `query` among those matching `where` (the list's other
 * filters and the user's scope): first the tasks whose title (or code) holds every word, then
 * the rest, each group in the loader's sort order, with the total of both.
 *
 * Each group is its own query rather than one ordered by a rank, so the database can walk
 * the sort order and stop at the page (a rank ahead of the sort would join and sort every
 * match: 1.6–2.1 s for 改革 at 100,000 tasks). How a group is read is decided from the counted
 * matches, not from the planner's estimate (which multiplies the shares of a query's character
 * pairs as if they were independent and takes 数字化改革 for rare): a large group walks the sort
 * order (`enable_bitmapscan = off`, which leaves the GIN index unused: GIN serves bitmap scans
 * only), a small one is read through the GIN index. `enable_seqscan = off`, local to this
 * transaction, keeps the planner off a whole scan of `task_search`: it does not count the cost
 * of unpacking every row's terms from TOAST.
 */
export async function searchTasks<T>(
  ctx: UseCaseContext,
  query: string,
  where: Prisma.TaskWhereInput,
  page: { skip: number; take: number },
  load: PageLoader<T>,
  walkFrom: WalkingFrom = WALKING_FROM,
): Promise<SearchPage<T>> {
  const terms = searchQueryTerms(query);
  const words = searchWords(query);
  const matching: Prisma.TaskWhereInput = { AND: [where, await searchFilter(ctx, query)] };
  if (terms.length === 0) {
    const [total, items] = await Promise.all([
      ctx.db.prisma.task.count({ where: matching }),
      load(ctx.db.prisma, matching, page.skip, page.take),
    ]);
    return { items, total, searchWords: words };
  }
  // The small title terms are tested first: walking the sort order, most rows fail there
  // before their long terms are unpacked.
  const inTitle: Prisma.TaskWhereInput = { AND: [where, { search: { is: { titleTerms: { hasEvery: terms }, terms: { hasEvery: terms } } } }] };
  const elsewhere: Prisma.TaskWhereInput = {
    AND: [where, { search: { is: { NOT: { titleTerms: { hasEvery: terms } }, terms: { hasEvery: terms } } } }],
  };
  return ctx.db.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
    const counts = await countMatches(tx, where, matching, terms);
    const { total } = counts;
    if (total === 0 || page.skip >= total) return { items: [], total, searchWords: words };
    let walking = false;
    /** Whether the next statement walks the sort order (GIN unused) or may read through the GIN index. */
    const walk = async (on: boolean) => {
      if (on === walking) return;
      await (on ? tx.$executeRaw`SET LOCAL enable_bitmapscan = off` : tx.$executeRaw`SET LOCAL enable_bitmapscan = on`);
      walking = on;
    };
    /** One group's rows, read the way its size calls for. */
    const group = async (size: number, groupWhere: Prisma.TaskWhereInput, skip: number, take: number) => {
      if (size === 0 || skip >= size) return [];
      await walk(size >= walkFrom.size && size >= walkFrom.share * counts.tasks);
      return load(tx, groupWhere, skip, take);
    };
    // The title matches are not counted: read them as all the matches are read.
    const first = await group(total, inTitle, page.skip, page.take);
    if (first.length === page.take) return { items: first, total, searchWords: words };
    // The page reaches past the title matches: how many there are tells where the rest begin.
    let titleMatches = page.skip + first.length;
    if (first.length === 0 && page.skip > 0) {
      await walk(false);
      titleMatches = await tx.task.count({ where: inTitle });
    }
    const rest = await group(total - titleMatches, elsewhere, Math.max(0, page.skip - titleMatches), page.take - first.length);
    return { items: [...first, ...rest], total, searchWords: words };
  }, { maxWait: SEARCH_WAIT_MS, timeout: SEARCH_WAIT_MS });
}
