import type { Light, OutcomeKind, PilotStage, TaskList, TaskStatus } from '@reform/contracts';
import type { IsoDate } from '../calendar.ts';

// The plain facts every figure is computed from. The API loads them in a few statements
// (apps/api/src/modules/figures/load-figure-facts.ts); tests write them by hand.

export interface TaskFact {
  id: number;
  code: string;
  title: string;
  list: TaskList;
  status: TaskStatus;
  field: string;
  leadUnitId: number;
  specialGroupId: number | null;
  /** The light as of today (stored on the task, computed by computeLight). */
  light: Light;
  lightReason: string;
  startDate: IsoDate;
  deadline: IsoDate;
  /**
   * The day a completed or closed task finished: its last milestone done, else its deadline.
   * Null while it is not finished.
   */
  finishedOn: IsoDate | null;
  milestones: ReadonlyArray<{ name: string; dueDate: IsoDate; doneDate: IsoDate | null }>;
  /** Outcomes delivered so far, by kind (the task book's expected outcomes). */
  outcomes: ReadonlyArray<{ kind: OutcomeKind; delivered: number }>;
  pilotStage: PilotStage | null;
}

/** One quarterly progress report as far as the figures need it. */
export interface ReportFact {
  taskId: number;
  year: number;
  quarter: number;
  /** The Shanghai day the report was first handed in; null while never submitted. */
  submittedOn: IsoDate | null;
  /** True when accepted at its first submission, false when returned at least once; null while not reviewed. */
  acceptedAtFirstSubmission: boolean | null;
}

export interface RectificationFact {
  id: number;
  /** The task whose inspection found it. */
  taskId: number;
  ownerUnitId: number;
  /** The day of the inspection that found it. */
  openedOn: IsoDate;
  deadline: IsoDate;
  closedOn: IsoDate | null;
}

export interface FigureFacts {
  tasks: readonly TaskFact[];
  reports: readonly ReportFact[];
  rectifications: readonly RectificationFact[];
  /** A quarter's report is due this many days after the quarter ends (setting `reports`). */
  reportDueDay: number;
}
