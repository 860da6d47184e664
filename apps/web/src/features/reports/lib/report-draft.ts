import type { TReportDetail } from '@reform/contracts';

/** The report form's editable fields. */
export interface ReportValues {
  progressText: string;
  outcomesText: string;
  problems: string;
  nextSteps: string;
  percentComplete: number;
  percentReason: string;
}

export const reportValueKeys = ['progressText', 'outcomesText', 'problems', 'nextSteps', 'percentComplete', 'percentReason'] as const;

export function valuesOf(report: TReportDetail): ReportValues {
  return {
    progressText: report.progressText,
    outcomesText: report.outcomesText,
    problems: report.problems,
    nextSteps: report.nextSteps,
    percentComplete: report.percentComplete,
    percentReason: report.percentReason,
  };
}

export function sameValues(a: ReportValues, b: ReportValues): boolean {
  return reportValueKeys.every((key) => a[key] === b[key]);
}

/**
 * A copy of what the user typed, kept in the browser until the server has it: after a session
 * timeout and a new sign-in the form comes back with the text, and the next autosave sends it.
 */
interface StoredDraft {
  values: ReportValues;
  /** The report's version the text was typed on. */
  baseVersion: number;
  savedAt: string;
}

const keyOf = (id: number) => `reform:report-draft:${id}`;

export function storeDraft(id: number, values: ReportValues, baseVersion: number): void {
  try {
    localStorage.setItem(keyOf(id), JSON.stringify({ values, baseVersion, savedAt: new Date().toISOString() } satisfies StoredDraft));
  } catch {
    // Storage full or disabled: the server copy is still saved every few seconds.
  }
}

export function loadDraft(id: number): StoredDraft | null {
  try {
    const text = localStorage.getItem(keyOf(id));
    if (!text) return null;
    const parsed = JSON.parse(text) as StoredDraft;
    return parsed && typeof parsed === 'object' && parsed.values ? parsed : null;
  } catch {
    return null;
  }
}

export function clearDraft(id: number): void {
  try {
    localStorage.removeItem(keyOf(id));
  } catch {
    // nothing to clear
  }
}
