import { z } from 'zod';
import { REASON_MIN, ZDate, ZIdValue, ZVersion, zText } from './common.ts';
import { TaskLevelEnum } from './enums.ts';
import { messages } from './messages.ts';


/** A pilot's own fields (pilot_detail): set when it is created, changed by the offices that own it. */
const pilotShape = {
  batch: zText(50).min(1, { error: messages.required.zh }),
  approvingLevel: TaskLevelEnum.schema,
  applyingCountyId: ZIdValue.nullable(),
  guidingUnit: zText(100),
  termStart: ZDate,
  termEnd: ZDate,
};

/** The term ends on or after its start; an edit may send one date only, which the server checks against the saved one. */
const termInOrder = (pilot: { termStart?: string | undefined; termEnd?: string | undefined }) =>
  !pilot.termStart || !pilot.termEnd || pilot.termEnd >= pilot.termStart;
const termRule = { error: messages.termEndBeforeStart.zh, path: ['termEnd'] };

export const ZPilotInput = z
  .strictObject({ ...pilotShape, applyingCountyId: pilotShape.applyingCountyId.default(null), guidingUnit: pilotShape.guidingUnit.default('') })
  .refine(termInOrder, termRule);

/** All of a pilot's own fields, as the edit form holds them. */
export const ZPilotFields = z.strictObject(pilotShape).refine(termInOrder, termRule);

/** A pilot's own fields in an edit: any of them. Its stage and extension change only by their own action. */
export const ZPilotEdit = z
  .strictObject(pilotShape)
  .partial()
  .refine((pilot) => Object.keys(pilot).length > 0, { error: messages.noChanges.zh })
  .refine(termInOrder, termRule);
export type TPilotEdit = z.infer<typeof ZPilotEdit>;
export type TPilotField = keyof TPilotEdit;

/** Chinese names of a pilot's own fields, shared by the forms, the detail, the conflict dialog and the history. */
export const pilotFieldLabels: Record<TPilotField, string> = {
  batch: '试点批次',
  approvingLevel: '批准层级',
  applyingCountyId: '申报县(市、区)',
  guidingUnit: '指导单位',
  termStart: '试点期限自',
  termEnd: '试点期限至',
};

/** The pilot work plan's term: two years, longer only by an approved extension. */
export const PILOT_TERM_YEARS = 2;

/** Where a pilot's term ends now: at its last extension, else as approved. */
export const currentTermEnd = (pilot: { termEnd: string; extendedTo: string | null }) => pilot.extendedTo ?? pilot.termEnd;

/** An extension must end after the term as it stands. */
export const extendsTerm = (pilot: { termEnd: string; extendedTo: string | null }, extendedTo: string) =>
  extendedTo > currentTermEnd(pilot);

/** POST /api/tasks/:id/pilot-extension (试点延期): the new end, why, and the version the office saw. */
export const ZPilotExtensionBody = z.strictObject({
  extendedTo: ZDate,
  reason: zText(2000).min(REASON_MIN, { error: messages.extensionReason.zh }),
  version: ZVersion,
});
export type TPilotExtensionBody = z.infer<typeof ZPilotExtensionBody>;

/** The extension body checked against the pilot's current term, as the dialog validates it before sending. */
export const pilotExtensionSchema = (pilot: { termEnd: string; extendedTo: string | null }) =>
  ZPilotExtensionBody.refine((body) => extendsTerm(pilot, body.extendedTo), {
    error: messages.extensionNotLater.zh,
    path: ['extendedTo'],
  });
