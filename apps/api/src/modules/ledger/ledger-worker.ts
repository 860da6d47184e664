import { parentPort } from 'node:worker_threads';
import { AppError } from '../../errors.ts';
import { parseWorkbook } from './parse-workbook.ts';
import type { WorkbookReply, WorkbookRequest } from './workbook-pool.ts';

// The workbook worker: parses one uploaded workbook at a time, off the request thread.
parentPort!.on('message', (request: WorkbookRequest) => {
  const reply = (message: WorkbookReply) => parentPort!.postMessage(message);
  parseWorkbook(Buffer.from(request.file.buffer, request.file.byteOffset, request.file.byteLength)).then(
    (sheet) => reply({ id: request.id, sheet }),
    (error: unknown) => {
      if (error instanceof AppError) reply({ id: request.id, error: { code: error.code, text: error.text } });
      else reply({ id: request.id, error: null });
    },
  );
});
