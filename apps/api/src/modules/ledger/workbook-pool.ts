import { availableParallelism } from 'node:os';
import { WorkerPool } from '../worker-pool.ts';
import type { LedgerSheet } from './ledger-cells.ts';

/** An uploaded workbook, handed to a worker (its buffer moved, not copied). */
export type WorkbookRequest = Uint8Array<ArrayBuffer>;

/** The server's pool of workbook workers: one per spare core (at least one, at most two); a burst of uploads waits its turn. */
const pool = new WorkerPool<WorkbookRequest, LedgerSheet>({
  module: new URL('./ledger-worker.ts', import.meta.url),
  workers: Math.max(1, Math.min(2, availableParallelism() - 1)),
  maxWaitingWeight: 200 * 1024 * 1024,
  timeoutMs: 120_000,
  memoryMb: 1_024,
  idleMs: 5 * 60_000,
  busy: { zh: '服务器正在处理其他台账文件，请稍候一分钟再上传', en: 'Other ledgers are being read; try again in a minute' },
  tooMuch: {
    zh: '台账文件内容过多或过于复杂，无法读取。请删除多余的工作表、图片和格式，或拆分为几个文件后分批导入',
    en: 'The workbook is too large or too complex to read',
  },
});

/** Parses a workbook in a worker thread (a bounded pool: 503 when too many wait). */
export const workbookPool = {
  parse(file: Buffer): Promise<LedgerSheet> {
    const bytes = new Uint8Array(file);
    return pool.run(bytes, { weight: bytes.length, transfer: [bytes.buffer] });
  },
};
