import type { Database } from '@reform/db';
import type { FastifyBaseLogger } from 'fastify';
import { refreshSearchTerms } from '../modules/search/refresh-search-terms.ts';
import { refreshLights } from '../modules/tasks/refresh-lights.ts';
import type { ReminderChannel } from '../modules/reminders/channels.ts';
import { sendDueReminders } from '../modules/reminders/send-due-reminders.ts';

/**
 * Derived data that no request should wait for at scale, kept current in the background
 * (checking once a minute, an index lookup when nothing is stale):
 * - status lights when the day changes (at 100,000 tasks tens of seconds; reads only
 *   recompute the tasks whose facts changed);
 * - search terms after a bulk load (searches recompute the few edited since the last sweep).
 * - the day's reminders (due dates N days ahead and passed yesterday), each sent at most once a
 *   day whatever the number of processes (an advisory lock and a unique key in `reminder_log`).
 * - on the embedded database, a daily VACUUM ANALYZE: PGlite has no autovacuum, and the day's
 *   light rollover rewrites every task row, so without it dead rows pile up and the planner's
 *   statistics go stale (PostgreSQL's autovacuum does this by itself).
 * Several API processes may sweep at once: rows are locked with SKIP LOCKED, so they share
 * the work instead of repeating it.
 */
export function startSweeper(
  db: Database,
  today: () => string,
  log: FastifyBaseLogger,
  everyMs = 60_000,
  reminderChannels: readonly ReminderChannel[] = [],
): () => void {
  let running = false;
  let vacuumedOn: string | null = null;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      let started = Date.now();
      const lights = await refreshLights(db, today());
      if (lights > 0) log.info({ count: lights, ms: Date.now() - started }, 'status lights recomputed');
      started = Date.now();
      const terms = await refreshSearchTerms(db);
      if (terms > 0) log.info({ count: terms, ms: Date.now() - started }, 'search terms recomputed');
      started = Date.now();
      const reminders = await sendDueReminders(db, today(), reminderChannels);
      if (reminders) log.info({ count: reminders, ms: Date.now() - started }, 'reminders sent');
      const day = today();
      if (db.kind === 'pglite' && vacuumedOn !== day) {
        started = Date.now();
        await db.query('VACUUM ANALYZE');
        vacuumedOn = day;
        log.info({ ms: Date.now() - started }, 'embedded database vacuumed');
      }
    } catch (error) {
      log.error({ err: error }, 'background sweep failed');
    } finally {
      running = false;
    }
  };
  void sweep();
  const timer = setInterval(() => void sweep(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
