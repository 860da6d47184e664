import { z } from 'zod';

/** The quarterly report's formats: a print-ready PDF and an editable Word document. */
export const ZQuarterlyReportFormat = z.enum(['pdf', 'docx']);
export type TQuarterlyReportFormat = z.infer<typeof ZQuarterlyReportFormat>;

/** `2026-Q3.pdf`, `2026-Q3.docx` (checked with a message in words by the API). */
export const ZQuarterlyReportParams = z.strictObject({ name: z.string().max(40) });

const scope = z.string().max(40).optional().describe('city | county:<单位编号> | group:<专项小组编号>；缺省为用户自己的范围');
const marking = z.enum(['internal']).optional().describe('internal：封面标注“内部资料”');

export const ZQuarterlyReportQuery = z.strictObject({ scope, marking });
export type TQuarterlyReportQuery = z.infer<typeof ZQuarterlyReportQuery>;

export const ZQuarterlyReportStatusQuery = z.strictObject({
  quarter: z.string().max(10).describe('2026-Q3'),
  format: ZQuarterlyReportFormat,
  scope,
  marking,
});
export type TQuarterlyReportStatusQuery = z.infer<typeof ZQuarterlyReportStatusQuery>;

export const ZQuarterlyReportFile = z.object({
  id: z.number().int(),
  quarter: z.string(),
  scope: z.string(),
  scopeLabel: z.string(),
  format: ZQuarterlyReportFormat,
  title: z.string(),
  sizeBytes: z.number().int(),
  generatedBy: z.string(),
  generatedAt: z.string(),
  generationMs: z.number().int(),
});
export type TQuarterlyReportFile = z.infer<typeof ZQuarterlyReportFile>;

export const ZQuarterlyReportStatus = z.object({
  state: z.enum(['ready', 'generating', 'failed']),
  /** 0..1 */
  progress: z.number(),
  message: z.string().nullable(),
  /** The file's path under /api/quarterly-reports/ with its query (download it when ready). */
  href: z.string(),
  file: ZQuarterlyReportFile.nullable(),
});
export type TQuarterlyReportStatus = z.infer<typeof ZQuarterlyReportStatus>;

export const ZQuarterlyReportOverview = z.object({
  /** Quarters that have data, newest first (`2026-Q3`). */
  quarters: z.array(z.object({ key: z.string(), label: z.string() })),
  /** Scopes the user may choose; the first is their default. */
  scopes: z.array(z.object({ key: z.string(), label: z.string(), kind: z.enum(['city', 'county', 'group']) })),
  /** Reports already generated (newest first, at most 50), within the user's scopes. */
  files: z.array(ZQuarterlyReportFile),
});
export type TQuarterlyReportOverview = z.infer<typeof ZQuarterlyReportOverview>;
