import { serveWorker } from '../worker-pool.ts';
import { parseWorkbook } from './parse-workbook.ts';
import type { WorkbookRequest } from './workbook-pool.ts';

// The workbook worker: parses one uploaded workbook at a time, off the request thread.
serveWorker((file: WorkbookRequest) => parseWorkbook(Buffer.from(file.buffer, file.byteOffset, file.byteLength)));
