import { availableParallelism } from 'node:os';
import { WorkerPool } from '../worker-pool.ts';
import type { ReportDocument, ReportFormat } from './report-document.ts';

export interface ReportJob {
  document: ReportDocument;
  format: ReportFormat;
}

export interface ReportResult {
  bytes: Uint8Array;
  ms: number;
  /** The process's resident memory when the worker finished (the worker's share is what it adds). */
  peakRssBytes: number;
}

/**
 * The server's report workers: one (two on a machine with cores to spare), since a report's layout is
 * seconds of CPU; a few more reports wait their turn (weight 1 each), the rest are told to come back.
 */
export const reportPool = new WorkerPool<ReportJob, ReportResult>({
  module: new URL('./report-worker.ts', import.meta.url),
  workers: Math.max(1, Math.min(2, availableParallelism() - 2)),
  maxWaitingWeight: 8,
  timeoutMs: 5 * 60_000,
  memoryMb: 1_536,
  idleMs: 5 * 60_000,
  busy: { zh: '服务器正在生成其他季度报告，请稍候一分钟再试', en: 'Other reports are being generated; try again in a minute' },
  tooMuch: { zh: '报告内容过多，生成超时或超出内存限制，请缩小范围（按县或专项小组）后重试', en: 'The report is too large; choose a smaller scope' },
});
