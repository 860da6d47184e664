import { PILOT_TERM_YEARS, type TaskLevel, type TPilotEdit } from '@reform/contracts';
import dayjs, { type Dayjs } from 'dayjs';

const DATE = 'YYYY-MM-DD';

/** What the pilot section's controls hold, in the create form and the edit form alike. */
export interface PilotFormValues {
  batch: string;
  approvingLevel: TaskLevel;
  applyingCountyId: number | null;
  guidingUnit: string;
  termStart: Dayjs | null;
  termEnd: Dayjs | null;
}

/** A pilot's term: two years from the start, as the pilot work plan sets it. */
export const defaultTermEnd = (start: Dayjs) => start.add(PILOT_TERM_YEARS, 'year');

/** More than a month away from the usual two years: the form says 试点期限一般为两年, and saves it all the same. */
export function unusualTerm(start: Dayjs, end: Dayjs): boolean {
  return Math.abs(end.diff(defaultTermEnd(start), 'day')) > 31;
}

/** The section's values in the shape the contract's pilot schemas parse (they do the trimming and checking). */
export function pilotFromForm(pilot: Partial<PilotFormValues> | undefined) {
  return {
    batch: pilot?.batch ?? '',
    approvingLevel: pilot?.approvingLevel as TaskLevel,
    applyingCountyId: pilot?.applyingCountyId ?? null,
    guidingUnit: pilot?.guidingUnit ?? '',
    termStart: pilot?.termStart?.format(DATE) as string,
    termEnd: pilot?.termEnd?.format(DATE) as string,
  };
}

export function pilotToForm(pilot: TPilotEdit): PilotFormValues {
  return {
    batch: pilot.batch ?? '',
    approvingLevel: pilot.approvingLevel ?? 'provincial',
    applyingCountyId: pilot.applyingCountyId ?? null,
    guidingUnit: pilot.guidingUnit ?? '',
    termStart: pilot.termStart ? dayjs(pilot.termStart, DATE) : null,
    termEnd: pilot.termEnd ? dayjs(pilot.termEnd, DATE) : null,
  };
}
