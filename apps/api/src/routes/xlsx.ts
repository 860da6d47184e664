import type { FastifyReply } from 'fastify';
import { z } from 'zod';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The OpenAPI description of a route that answers an Excel file. */
export const xlsxResponse = { produces: [XLSX_TYPE], ok: z.any().describe('.xlsx 文件') };

/** Sends a workbook as a download named in Chinese (RFC 5987 `filename*`). */
export function sendXlsx(reply: FastifyReply, file: { filename: string; buffer: Buffer }): FastifyReply {
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .send(file.buffer);
}
