import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { parentPort, Worker } from 'node:worker_threads';
import { AppError, AppErrorCode, type Bilingual } from '../errors.ts';

/** What a worker answers: a result, progress (0..1) along the way, or the refusal to pass on (null: an unexpected failure, answered 500). */
export type WorkerReply<R> =
  | { id: number; result: R }
  | { id: number; progress: number }
  | { id: number; error: { code: AppErrorCode; text: Bilingual } | null };

export interface WorkerPoolOptions {
  /** The worker module (a `.ts` file beside its pool), which calls `serveWorker`. */
  module: URL;
  /** Jobs run at the same time, one worker each. */
  workers: number;
  /** Weight (e.g. bytes) of the jobs that may wait for a worker; beyond that the server answers 503. */
  maxWaitingWeight: number;
  /** A job that takes longer is given up (its worker is ended). */
  timeoutMs: number;
  /** Heap of each worker: a job needing more ends that worker, never the server. */
  memoryMb: number;
  /** A worker with nothing to do for this long is ended (it holds its libraries' memory). */
  idleMs: number;
  /** Told when too many jobs wait (503). */
  busy: Bilingual;
  /** Told when a job needed more time or memory than a worker has (422). */
  tooMuch: Bilingual;
}

interface Job<Q, R> {
  id: number;
  request: Q;
  transfer: ArrayBuffer[];
  weight: number;
  onProgress?: (share: number) => void;
  resolve: (result: R) => void;
  reject: (error: Error) => void;
}

/**
 * Worker threads run TypeScript through tsx: the server starts under tsx, so its workers inherit
 * the loader; elsewhere (tests, scripts) the worker registers it and loads its module again (under
 * another URL: a failed import stays cached under its own).
 */
function bootstrapUrl(module: URL): URL {
  const target = module.href;
  const tsxApi = new URL('dist/esm/api/index.mjs', pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json'))).href;
  const code = `try { await import(${JSON.stringify(target)}); } catch (error) {
  if (error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
  (await import(${JSON.stringify(tsxApi)})).register();
  await import(${JSON.stringify(`${target}?tsx`)});
}`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/**
 * A bounded pool of worker threads for heavy, synchronous work (reading a workbook, laying out a
 * report): it never runs on the request thread, at most `workers` jobs run at once, jobs of up to
 * `maxWaitingWeight` wait their turn, and the rest are told to come back (503) instead of
 * queueing memory without end. Each worker has a heap limit and each job a time limit.
 */
export class WorkerPool<Q, R> {
  private readonly idle: Worker[] = [];
  private readonly waiting: Job<Q, R>[] = [];
  private readonly idleTimers = new Map<Worker, NodeJS.Timeout>();
  private running = 0;
  private waitingWeight = 0;
  private nextId = 1;

  constructor(private readonly options: WorkerPoolOptions) {}

  run(request: Q, options: { weight: number; transfer?: ArrayBuffer[]; onProgress?: (share: number) => void }): Promise<R> {
    return new Promise((resolve, reject) => {
      const job: Job<Q, R> = {
        id: this.nextId++,
        request,
        transfer: options.transfer ?? [],
        weight: options.weight,
        onProgress: options.onProgress,
        resolve,
        reject,
      };
      if (this.running < this.options.workers) this.start(job);
      else if (this.waitingWeight + job.weight <= this.options.maxWaitingWeight) {
        this.waitingWeight += job.weight;
        this.waiting.push(job);
      } else reject(new AppError(AppErrorCode.Busy, this.options.busy));
    });
  }

  private spawn(): Worker {
    const worker = new Worker(bootstrapUrl(this.options.module), { resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb } });
    worker.unref();
    worker.once('exit', () => this.forget(worker));
    return worker;
  }

  private start(job: Job<Q, R>): void {
    this.running++;
    const worker = this.idle.pop() ?? this.spawn();
    clearTimeout(this.idleTimers.get(worker));
    this.idleTimers.delete(worker);

    let settled = false;
    const finish = (keep: boolean, outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onFailure);
      worker.off('exit', onFailure);
      if (keep) this.rest(worker);
      else void worker.terminate();
      this.running--;
      outcome();
      const next = this.waiting.shift();
      if (next) {
        this.waitingWeight -= next.weight;
        this.start(next);
      }
    };
    const onMessage = (reply: WorkerReply<R>) => {
      if (reply.id !== job.id) return;
      if ('progress' in reply) {
        job.onProgress?.(reply.progress);
        return;
      }
      finish(true, () => {
        if ('result' in reply) job.resolve(reply.result);
        else if (reply.error) job.reject(new AppError(reply.error.code, reply.error.text));
        else job.reject(new Error('the worker failed'));
      });
    };
    // A job that needs more memory or time than a worker has was too much; any other end of the
    // worker is a fault of ours (500).
    const tooMuch = () => finish(false, () => job.reject(new AppError(AppErrorCode.Unprocessable, this.options.tooMuch)));
    const onFailure = (error?: unknown) => {
      if ((error as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY') tooMuch();
      else finish(false, () => job.reject(new Error('the worker ended', { cause: error })));
    };
    const timer = setTimeout(tooMuch, this.options.timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onFailure);
    worker.on('exit', onFailure);
    worker.postMessage({ id: job.id, request: job.request }, job.transfer);
  }

  private rest(worker: Worker): void {
    this.idle.push(worker);
    const timer = setTimeout(() => void worker.terminate(), this.options.idleMs);
    timer.unref();
    this.idleTimers.set(worker, timer);
  }

  private forget(worker: Worker): void {
    clearTimeout(this.idleTimers.get(worker));
    this.idleTimers.delete(worker);
    const at = this.idle.indexOf(worker);
    if (at >= 0) this.idle.splice(at, 1);
  }
}

/**
 * The worker side: answers each `{ id, request }` with `handle`'s result (its transferable
 * buffers moved, not copied), passes progress on, and an `AppError` on as the refusal.
 */
export function serveWorker<Q, R>(
  handle: (request: Q, progress: (share: number) => void) => Promise<R>,
  transferOf: (result: R) => ArrayBuffer[] = () => [],
): void {
  parentPort!.on('message', ({ id, request }: { id: number; request: Q }) => {
    const reply = (message: WorkerReply<R>, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);
    handle(request, (progress) => reply({ id, progress })).then(
      (result) => reply({ id, result }, transferOf(result)),
      (error: unknown) => {
        if (error instanceof AppError) reply({ id, error: { code: error.code, text: error.text } });
        else reply({ id, error: null });
      },
    );
  });
}
