import { editableFieldsOf, type TTaskEditableFields } from '@reform/contracts';
import { detailFieldsOf, type DetailRow } from './task-dto.ts';

/**
 * The editable fields of a task as the edit form sees them (the same reading as the web app's),
 * for audit diffs. Outcomes and source documents keep their ids, so the history can tell which
 * row changed.
 */
export function editableSnapshot(task: DetailRow): TTaskEditableFields {
  return editableFieldsOf(detailFieldsOf(task));
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
