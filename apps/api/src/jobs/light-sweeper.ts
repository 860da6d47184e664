import type { Database } from '@reform/db';
import type { FastifyBaseLogger } from 'fastify';
import { refreshLights } from '../modules/tasks/refresh-lights.ts';

/**
 * When the day changes every status light must be recomputed. At 100,000 tasks that takes
 * tens of seconds, which no request should wait for, so this sweeper does it in the
 * background (checking once a minute, an index lookup when nothing is stale). Reads only
 * recompute tasks whose facts changed. Several API processes may sweep at once: rows are
 * locked with SKIP LOCKED, so they share the work instead of repeating it.
 */
export function startLightSweeper(db: Database, today: () => string, log: FastifyBaseLogger, everyMs = 60_000): () => void {
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      const started = Date.now();
      const count = await refreshLights(db, today());
      if (count > 0) log.info({ count, ms: Date.now() - started }, 'status lights recomputed');
    } catch (error) {
      log.error({ err: error }, 'status light sweep failed');
    } finally {
      running = false;
    }
  };
  void sweep();
  const timer = setInterval(() => void sweep(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
