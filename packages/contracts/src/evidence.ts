import { z } from 'zod';

export const ZEvidenceFile = z.object({
  id: z.number().int(),
  /** Null for the evidence of a rectification item that names no task. */
  taskId: z.number().int().nullable(),
  rectificationItemId: z.number().int().nullable(),
  milestoneId: z.number().int().nullable(),
  reportId: z.number().int().nullable(),
  originalName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  uploadedBy: z.string(),
  createdAt: z.string(),
});
export type TEvidenceFile = z.infer<typeof ZEvidenceFile>;

/** What evidence may be: checked on the file's content, never on its name. */
export const evidenceKinds = '文档（PDF、Word、Excel、PowerPoint、WPS）或图片（JPG、PNG、GIF、WebP）';
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;
