import {
  ZErrorBody,
  type TaskList,
  type TErrorBody,
  type TLedgerCheckResult,
  type TLedgerImportResult,
  type TLedgerMapping,
} from '@reform/contracts';
import { ApiError, unauthorizedHandler } from '@/lib/api-client';

export interface LedgerUploadInput {
  file: File;
  mapping?: TLedgerMapping;
  /** The list for rows without a 清单类别 column. */
  list?: TaskList;
  dryRun: boolean;
  /** Upload progress, 0–100; 100 means the server is now checking the file. */
  onProgress?: (percent: number) => void;
}

export type LedgerUploadOutcome =
  | { kind: 'checked'; result: TLedgerCheckResult }
  | { kind: 'rejected'; result: TLedgerCheckResult }
  | { kind: 'imported'; result: TLedgerImportResult };

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** A 422 is either the check result (problems in rows) or an error (a workbook too big to read). */
const isCheckResult = (body: unknown): body is TLedgerCheckResult => typeof body === 'object' && body !== null && Array.isArray((body as TLedgerCheckResult).errors);

/**
 * POST /api/tasks/import as multipart. XMLHttpRequest rather than fetch: a ledger of a few MB
 * takes a moment to send and the user sees its upload progress.
 */
export function uploadLedger({ file, mapping, list, dryRun, onProgress }: LedgerUploadInput): Promise<LedgerUploadOutcome> {
  const form = new FormData();
  form.append('file', file, file.name);
  if (mapping && Object.keys(mapping).length > 0) form.append('mapping', JSON.stringify(mapping));
  if (list) form.append('list', list);

  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/tasks/import?dryRun=${dryRun ? 'true' : 'false'}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress?.(Math.round((event.loaded / event.total) * 100));
    });
    xhr.upload.addEventListener('load', () => onProgress?.(100));
    xhr.addEventListener('error', () =>
      reject(new ApiError({ statusCode: 0, code: 'NETWORK_ERROR', message: '无法连接服务器，请检查网络后重试', requestId: '' })),
    );
    xhr.addEventListener('load', () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status === 200) {
        resolve(dryRun ? { kind: 'checked', result: body as TLedgerCheckResult } : { kind: 'imported', result: body as TLedgerImportResult });
        return;
      }
      if (xhr.status === 422 && isCheckResult(body)) {
        resolve({ kind: 'rejected', result: body as TLedgerCheckResult });
        return;
      }
      const parsed = ZErrorBody.safeParse(body);
      const error: TErrorBody = parsed.success
        ? parsed.data
        : {
            statusCode: xhr.status,
            code: 'HTTP_ERROR',
            message: xhr.status >= 500 ? '服务器出错，请稍后重试' : `请求失败（${xhr.status}）`,
            requestId: xhr.getResponseHeader('x-request-id') ?? '',
          };
      if (xhr.status === 401) unauthorizedHandler.redirect();
      reject(new ApiError(error));
    });
    xhr.send(form);
  });
}
