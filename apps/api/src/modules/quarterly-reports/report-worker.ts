import { serveWorker } from '../worker-pool.ts';
import type { ReportJob, ReportResult } from './report-pool.ts';
import { renderDocx } from './render-docx.ts';
import { renderPdf } from './render-pdf.ts';

// The report worker: lays out one report at a time (PDF or Word), off the request thread.
serveWorker<ReportJob, ReportResult>(
  async ({ document, format }, progress) => {
    const started = performance.now();
    const buffer = format === 'pdf' ? await renderPdf(document, progress) : await renderDocx(document);
    const bytes = new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.byteLength);
    return { bytes, ms: Math.round(performance.now() - started), peakRssBytes: process.memoryUsage().rss };
  },
  (result) => [result.bytes.buffer as ArrayBuffer],
);
