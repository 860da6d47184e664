import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { evidenceKinds, type TEvidenceFile } from '@reform/contracts';
import { fileTypeFromBuffer } from 'file-type';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { UseCaseContext } from '../context.ts';
import { loadTaskFor } from '../timetable/load-plannable-task.ts';
import { evidenceInclude, toEvidence } from './evidence-dto.ts';

// Office files sniff as OOXML (docx/xlsx/pptx) or as the older compound format (cfb: doc, xls,
// ppt, and WPS's wps/et/dps). Anything else — scripts, archives, executables — is refused.
const ALLOWED = new Set([
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/x-cfb',
]);

export interface UploadedFile {
  filename: string;
  content: Buffer;
  milestoneId: number | null;
  /** A quarterly report of the task the file is evidence for (while the report can still change). */
  reportId?: number | null;
}

/** Stores an evidence file outside the web root under a generated name, then records it; a failure leaves nothing behind. */
export async function uploadEvidence(ctx: UseCaseContext, filesDir: string, taskId: number, file: UploadedFile): Promise<TEvidenceFile> {
  const task = await loadTaskFor(ctx, taskId, 'report');
  if (file.milestoneId !== null && !task.milestones.some((m) => m.id === file.milestoneId)) {
    throw new AppError(AppErrorCode.BadRequest, errorText.invalid, {
      fields: [{ path: 'milestoneId', message: { zh: '节点不属于该任务', en: 'The milestone does not belong to this task' } }],
    });
  }
  const reportId = file.reportId ?? null;
  if (reportId !== null) {
    const report = await ctx.db.prisma.progressReport.findFirst({ where: { id: reportId, taskId }, select: { status: true } });
    if (!report || report.status === 'accepted' || report.status === 'submitted') {
      throw new AppError(AppErrorCode.BadRequest, errorText.invalid, {
        fields: [{ path: 'reportId', message: { zh: '报告不属于该任务或已报送，不能再添加佐证材料', en: 'The report is not this task’s or can no longer change' } }],
      });
    }
  }
  return storeEvidence(ctx, filesDir, { taskId, milestoneId: file.milestoneId, reportId, rectificationItemId: null }, file);
}

/**
 * Checks a file by its content, writes it under a generated name and records it against a task
 * (and a milestone, a report or a rectification item) or against a rectification item without a
 * task; the caller has checked who may attach it there.
 */
export async function storeEvidence(
  ctx: UseCaseContext,
  filesDir: string,
  target: { taskId: number | null; milestoneId: number | null; reportId: number | null; rectificationItemId: number | null },
  file: Pick<UploadedFile, 'filename' | 'content'>,
): Promise<TEvidenceFile> {
  const { taskId } = target;
  const type = await fileTypeFromBuffer(file.content);
  if (!type || !ALLOWED.has(type.mime)) {
    throw new AppError(AppErrorCode.UnsupportedMediaType, {
      zh: `不支持的文件类型，请上传${evidenceKinds}`,
      en: 'Unsupported file type: upload a PDF, an office document or an image',
    });
  }
  await mkdir(filesDir, { recursive: true });
  const storedName = randomUUID();
  const path = join(filesDir, storedName);
  await writeFile(path, file.content, { flag: 'wx' });
  try {
    const row = await ctx.db.prisma.$transaction(async (tx) => {
      const created = await tx.evidenceFile.create({
        data: {
          taskId,
          milestoneId: target.milestoneId,
          reportId: target.reportId,
          rectificationItemId: target.rectificationItemId,
          originalName: file.filename,
          storedName,
          mimeType: type.mime,
          size: file.content.length,
          sha256: createHash('sha256').update(file.content).digest('hex'),
          uploadedById: ctx.user.id,
        },
        include: evidenceInclude,
      });
      await recordAudit(tx, {
        actorId: ctx.user.id,
        entity: taskId === null ? 'rectification' : 'task',
        entityId: taskId ?? String(target.rectificationItemId),
        action: 'evidence',
        changes: { evidence: { from: null, to: created.originalName } },
        requestId: ctx.requestId,
      });
      return created;
    });
    return toEvidence(row);
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
}
