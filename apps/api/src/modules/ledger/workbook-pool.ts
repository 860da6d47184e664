import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, AppErrorCode, type Bilingual } from '../../errors.ts';
import type { LedgerSheet } from './ledger-cells.ts';

export interface WorkbookRequest {
  id: number;
  file: Uint8Array<ArrayBuffer>;
}

/** A parsed sheet, or the refusal to pass on (null: an unexpected failure, answered 500). */
export type WorkbookReply = { id: number; sheet: LedgerSheet } | { id: number; error: { code: AppErrorCode; text: Bilingual } | null };

export interface WorkbookPoolOptions {
  /** Workbooks parsed at the same time, one worker each. */
  workers: number;
  /** Bytes of uploads that may wait for a worker; beyond that the server answers 503. */
  maxWaitingBytes: number;
  /** A workbook that takes longer is given up (its worker is ended). */
  timeoutMs: number;
  /** Heap of each worker: a workbook needing more ends that worker, never the server. */
  memoryMb: number;
  /** A worker with nothing to do for this long is ended (it holds the reader's memory). */
  idleMs: number;
}

interface Job {
  request: WorkbookRequest;
  resolve: (sheet: LedgerSheet) => void;
  reject: (error: Error) => void;
}

const busy: Bilingual = {
  zh: '服务器正在处理其他台账文件，请稍候一分钟再上传',
  en: 'Other ledgers are being read; try again in a minute',
};
const tooComplex: Bilingual = {
  zh: '台账文件内容过多或过于复杂，无法读取。请删除多余的工作表、图片和格式，或拆分为几个文件后分批导入',
  en: 'The workbook is too large or too complex to read',
};

/**
 * Worker threads run TypeScript through tsx: the server starts under tsx, so its workers inherit
 * the loader; elsewhere (tests, scripts) the worker registers it and loads its module again (under
 * another URL: a failed import stays cached under its own).
 */
function bootstrapUrl(): URL {
  const target = new URL('./ledger-worker.ts', import.meta.url).href;
  const tsxApi = new URL('dist/esm/api/index.mjs', pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json'))).href;
  const code = `try { await import(${JSON.stringify(target)}); } catch (error) {
  if (error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
  (await import(${JSON.stringify(tsxApi)})).register();
  await import(${JSON.stringify(`${target}?tsx`)});
}`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/**
 * A bounded pool of workbook workers: parsing a workbook is seconds of CPU and hundreds of MB
 * at worst, so it never runs on the request thread, at most `workers` run at once, uploads of up
 * to `maxWaitingBytes` wait their turn, and the rest are told to come back (503) instead of
 * queueing memory without end.
 */
export class WorkbookPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: Job[] = [];
  private readonly idleTimers = new Map<Worker, NodeJS.Timeout>();
  private running = 0;
  private waitingBytes = 0;
  private nextId = 1;

  constructor(private readonly options: WorkbookPoolOptions) {}

  parse(file: Buffer): Promise<LedgerSheet> {
    return new Promise((resolve, reject) => {
      const job: Job = { request: { id: this.nextId++, file: new Uint8Array(file) }, resolve, reject };
      if (this.running < this.options.workers) this.start(job);
      else if (this.waitingBytes + file.length <= this.options.maxWaitingBytes) {
        this.waitingBytes += file.length;
        this.waiting.push(job);
      } else reject(new AppError(AppErrorCode.Busy, busy));
    });
  }

  private spawn(): Worker {
    const worker = new Worker(bootstrapUrl(), { resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb } });
    worker.unref();
    worker.once('exit', () => this.forget(worker));
    return worker;
  }

  private start(job: Job): void {
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
        this.waitingBytes -= next.request.file.length;
        this.start(next);
      }
    };
    const onMessage = (reply: WorkbookReply) => {
      if (reply.id !== job.request.id) return;
      finish(true, () => {
        if ('sheet' in reply) job.resolve(reply.sheet);
        else if (reply.error) job.reject(new AppError(reply.error.code, reply.error.text));
        else job.reject(new Error('the workbook worker failed'));
      });
    };
    // A workbook that needs more memory or time than a worker has was too much to read; any
    // other end of the worker is a fault of ours (500).
    const tooMuch = () => finish(false, () => job.reject(new AppError(AppErrorCode.Unprocessable, tooComplex)));
    const onFailure = (error?: unknown) => {
      if ((error as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY') tooMuch();
      else finish(false, () => job.reject(new Error('the workbook worker ended', { cause: error })));
    };
    const timer = setTimeout(tooMuch, this.options.timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onFailure);
    worker.on('exit', onFailure);
    worker.postMessage(job.request, [job.request.file.buffer]);
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

/** The server's pool: one worker per spare core (at least one, at most two); a burst of uploads waits its turn. */
export const workbookPool = new WorkbookPool({
  workers: Math.max(1, Math.min(2, availableParallelism() - 1)),
  maxWaitingBytes: 200 * 1024 * 1024,
  timeoutMs: 120_000,
  memoryMb: 1_024,
  idleMs: 5 * 60_000,
});
