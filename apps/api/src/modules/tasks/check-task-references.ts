import { messages } from '@reform/contracts';
import { mayAssignUnit } from '../../access/policy.ts';
import { AppError, AppErrorCode, errorText, type FieldProblem } from '../../errors.ts';
import type { UseCaseContext } from '../context.ts';

const LEAD_UNIT_KINDS = new Set(['department', 'county', 'zone', 'town', 'reform_office', 'special_group']);

export interface TaskReferences {
  /** Only when the lead unit is being set or changed. */
  leadUnitId?: number | undefined;
  /** The lead unit the task will have once saved. */
  effectiveLeadUnitId: number;
  specialGroupId?: number | null | undefined;
  cooperatingUnitIds?: number[] | undefined;
  originatingUnitId?: number | null | undefined;
  applyingCountyId?: number | null | undefined;
  startDate: string;
  deadline: string;
  /** A pilot's term as it will be saved (an edit may change one date of it). */
  pilotTerm?: { termStart: string; termEnd: string } | undefined;
}

const outsideArea = (zh: string, en: string) => ({ zh: `${zh}须在本辖区范围内`, en: `${en} must be within your area` });

/** Checks the units a task names and its dates, answering with field-level messages before anything is written. */
export async function checkTaskReferences(ctx: UseCaseContext, refs: TaskReferences): Promise<void> {
  const problems: FieldProblem[] = [];
  const units = ctx.db.prisma.unit;
  const kindOf = async (id: number) => units.findUnique({ where: { id }, select: { kind: true, path: true } });

  if (refs.leadUnitId !== undefined) {
    const unit = await kindOf(refs.leadUnitId);
    if (!unit || !LEAD_UNIT_KINDS.has(unit.kind)) {
      problems.push({ path: 'leadUnitId', message: { zh: '牵头单位不存在', en: 'No such lead unit' } });
    } else if (!mayAssignUnit(ctx.user, unit.path)) {
      problems.push({ path: 'leadUnitId', message: outsideArea('牵头单位', 'The lead unit') });
    }
  }
  if (refs.specialGroupId) {
    if ((await kindOf(refs.specialGroupId))?.kind !== 'special_group') {
      problems.push({ path: 'specialGroupId', message: { zh: '专项小组不存在', en: 'No such special group' } });
    }
  }
  if (refs.originatingUnitId) {
    const unit = await kindOf(refs.originatingUnitId);
    if (!unit) {
      problems.push({ path: 'originatingUnitId', message: { zh: '首创单位不存在', en: 'No such originating unit' } });
    } else if (!mayAssignUnit(ctx.user, unit.path)) {
      problems.push({ path: 'originatingUnitId', message: outsideArea('首创单位', 'The originating unit') });
    }
  }
  if (refs.applyingCountyId) {
    const county = await kindOf(refs.applyingCountyId);
    if (county?.kind !== 'county' && county?.kind !== 'zone') {
      problems.push({ path: 'pilot.applyingCountyId', message: { zh: '申报地区须为县(市、区)', en: 'The applicant must be a county' } });
    } else if (!mayAssignUnit(ctx.user, county.path)) {
      problems.push({ path: 'pilot.applyingCountyId', message: outsideArea('申报县(市、区)', 'The applying county') });
    }
  }
  if (refs.cooperatingUnitIds?.length) {
    const ids = [...new Set(refs.cooperatingUnitIds)];
    if ((await units.count({ where: { id: { in: ids } } })) !== ids.length) {
      problems.push({ path: 'cooperatingUnitIds', message: { zh: '配合单位中有不存在的单位', en: 'A cooperating unit does not exist' } });
    }
    if (ids.includes(refs.effectiveLeadUnitId)) {
      problems.push({
        path: 'cooperatingUnitIds',
        message: { zh: '牵头单位不能同时是配合单位', en: 'The lead unit cannot also be a cooperating unit' },
      });
    }
  }
  if (refs.deadline < refs.startDate) problems.push({ path: 'deadline', message: messages.deadlineBeforeStart });
  if (refs.pilotTerm && refs.pilotTerm.termEnd < refs.pilotTerm.termStart) {
    problems.push({ path: 'pilot.termEnd', message: messages.termEndBeforeStart });
  }
  if (problems.length > 0) throw new AppError(AppErrorCode.BadRequest, errorText.invalid, { fields: problems });
}
