import type { TPilotEdit, TTaskEditableField } from '@reform/contracts';
import type { PilotDetailModel, Prisma } from '@reform/db';
import { isoDate } from '@reform/domain';
import { outcomeOf, sourceDocumentOf } from './task-dto.ts';

/** What a task's editable fields are read from; the lists in the order the detail shows them. */
export const editableInclude = {
  cooperatingUnits: true,
  measures: { orderBy: { seq: 'asc' } },
  outcomes: { orderBy: { id: 'asc' } },
  sourceDocuments: { orderBy: { id: 'asc' } },
  pilot: true,
} satisfies Prisma.TaskInclude;

/** A pilot's own fields as the edit form sees them. */
export function pilotFieldsOf(pilot: PilotDetailModel): Required<TPilotEdit> {
  return {
    batch: pilot.batch,
    approvingLevel: pilot.approvingLevel,
    applyingCountyId: pilot.applyingCountyId,
    guidingUnit: pilot.guidingUnit,
    termStart: isoDate(pilot.termStart),
    termEnd: isoDate(pilot.termEnd),
  };
}

/**
 * The editable fields of a task as the edit form sees them, for audit diffs. Outcomes and source
 * documents keep their ids, so the history can tell which row changed.
 */
export function editableSnapshot(
  task: Prisma.TaskGetPayload<{ include: typeof editableInclude }>,
): Record<TTaskEditableField, unknown> {
  return {
    title: task.title,
    field: task.field,
    level: task.level,
    priority: task.priority,
    year: task.year,
    batch: task.batch,
    tags: task.tags,
    objective: task.objective,
    acceptanceCriteria: task.acceptanceCriteria,
    startDate: isoDate(task.startDate),
    deadline: isoDate(task.deadline),
    leadLeader: task.leadLeader,
    leadUnitId: task.leadUnitId,
    specialGroupId: task.specialGroupId,
    cooperatingUnitIds: task.cooperatingUnits.map((c) => c.unitId),
    contactName: task.contactName,
    contactPhone: task.contactPhone,
    measures: task.measures.map((m) => m.content),
    outcomes: task.outcomes.map(outcomeOf),
    sourceDocuments: task.sourceDocuments.map(sourceDocumentOf),
    issuingLevel: task.issuingLevel,
    originatingUnitId: task.originatingUnitId,
    pilot: task.pilot && pilotFieldsOf(task.pilot),
  };
}

/**
 * A snapshot as the audit log records it: a pilot's own fields one by one ("pilot.batch"), so the
 * history tells each change in its own words.
 */
export function auditFields(snapshot: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(snapshot).flatMap(([key, value]) =>
      key === 'pilot' && value !== null && typeof value === 'object'
        ? Object.entries(value).map(([field, fieldValue]) => [`pilot.${field}`, fieldValue])
        : [[key, value]],
    ),
  );
}
