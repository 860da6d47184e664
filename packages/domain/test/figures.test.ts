import { FigureKeyEnum } from '@reform/contracts';
import { describe, expect, it } from 'vitest';
import {
  computeFigure,
  computeFigures,
  figuresByUnit,
  indicators,
  parsePeriodKey,
  periodOf,
  previousPeriodOf,
  trendQuarters,
  type FigureFacts,
  type TaskFact,
} from '../src/index.ts';

const task = (over: Partial<TaskFact> & Pick<TaskFact, 'id'>): TaskFact => ({
  code: `T${over.id}`,
  title: `任务${over.id}`,
  list: 'mandate',
  status: 'active',
  field: '经济体制',
  leadUnitId: 10,
  specialGroupId: 1,
  light: 'green',
  lightReason: '',
  startDate: '2026-01-01',
  deadline: '2026-12-31',
  finishedOn: null,
  milestones: [],
  outcomes: [],
  pilotStage: null,
  ...over,
});

// A small city, counted for 2026 Q2 (Apr 1 – Jun 30) on 2026-07-15, so the day counted (asOf)
// is Jun 30. Reports are due 10 days after a quarter ends: Q1's on Apr 10 (inside Q2).
const facts: FigureFacts = {
  reportDueDay: 10,
  tasks: [
    task({
      id: 1,
      light: 'green',
      milestones: [
        { name: 'M1', dueDate: '2026-04-15', doneDate: '2026-04-10' }, // due in Q2, on time
        { name: 'M2', dueDate: '2026-05-20', doneDate: '2026-05-25' }, // due in Q2, 5 days late
        { name: 'M3', dueDate: '2026-09-30', doneDate: null }, // not yet due
      ],
      outcomes: [{ kind: 'institutional_document', delivered: 2 }],
    }),
    task({
      id: 2,
      list: 'pilot',
      leadUnitId: 20,
      light: 'red',
      startDate: '2025-07-01',
      deadline: '2026-06-15', // passed undone
      pilotStage: 'implementing',
      milestones: [
        { name: 'M1', dueDate: '2026-03-31', doneDate: null }, // overdue since Q1
        { name: 'M2', dueDate: '2026-06-10', doneDate: null }, // due in Q2, overdue
      ],
    }),
    task({
      id: 3,
      list: 'innovation',
      status: 'completed',
      light: 'grey',
      startDate: '2025-10-01',
      deadline: '2026-06-30',
      finishedOn: '2026-05-10',
      milestones: [{ name: 'M1', dueDate: '2026-05-10', doneDate: '2026-05-10' }], // on time (the day counts)
      outcomes: [{ kind: 'replicable_experience', delivered: 1 }],
    }),
    task({ id: 4, status: 'draft', light: 'grey', startDate: '2026-04-01' }), // never in play
    task({
      id: 5,
      status: 'completed',
      light: 'grey',
      startDate: '2025-01-01',
      finishedOn: '2026-03-20', // finished before Q2: not in play in Q2, but in Q1
      outcomes: [{ kind: 'institutional_document', delivered: 3 }],
    }),
    task({
      id: 6,
      status: 'suspended',
      leadUnitId: 20,
      light: 'grey',
      startDate: '2026-02-01',
      deadline: '2026-05-31',
      milestones: [{ name: 'M1', dueDate: '2026-04-30', doneDate: null }], // due in Q2, late; suspended: not overdue
    }),
  ],
  reports: [
    { taskId: 1, year: 2026, quarter: 1, submittedOn: '2026-04-08', acceptedAtFirstSubmission: true },
    { taskId: 1, year: 2025, quarter: 4, submittedOn: '2026-01-20', acceptedAtFirstSubmission: true }, // due Jan 10: not Q2's
    { taskId: 2, year: 2026, quarter: 1, submittedOn: '2026-04-15', acceptedAtFirstSubmission: false },
    { taskId: 3, year: 2026, quarter: 1, submittedOn: '2026-04-10', acceptedAtFirstSubmission: null },
    { taskId: 6, year: 2026, quarter: 1, submittedOn: '2026-04-02', acceptedAtFirstSubmission: true },
    // task 5 never reported Q1
  ],
  rectifications: [
    { id: 1, taskId: 2, ownerUnitId: 20, openedOn: '2026-05-01', deadline: '2026-06-01', closedOn: null },
    { id: 2, taskId: 1, ownerUnitId: 10, openedOn: '2026-04-01', deadline: '2026-07-31', closedOn: '2026-07-05' },
    { id: 3, taskId: 1, ownerUnitId: 10, openedOn: '2026-03-01', deadline: '2026-04-01', closedOn: '2026-03-25' },
    { id: 4, taskId: 2, ownerUnitId: 20, openedOn: '2026-07-02', deadline: '2026-08-01', closedOn: null },
  ],
};

const q2 = periodOf(2026, 2, '2026-07-15');

describe('periods', () => {
  it('counts a past quarter to its end and the running one to yesterday', () => {
    expect(q2).toMatchObject({ key: '2026-Q2', from: '2026-04-01', to: '2026-06-30', asOf: '2026-06-30' });
    expect(periodOf(2026, 3, '2026-07-15')).toMatchObject({ from: '2026-07-01', asOf: '2026-07-14' });
    expect(periodOf(2026, null, '2026-07-15')).toMatchObject({ key: '2026-YTD', from: '2026-01-01', asOf: '2026-07-14' });
  });

  it('parses period keys and finds the previous period and the trend quarters', () => {
    expect(parsePeriodKey('2026-Q3')).toEqual({ year: 2026, quarter: 3 });
    expect(parsePeriodKey('2026-YTD')).toEqual({ year: 2026, quarter: null });
    expect(parsePeriodKey('2026-Q5')).toBeNull();
    expect(previousPeriodOf(periodOf(2026, 1, '2026-07-15'), '2026-07-15').key).toBe('2025-Q4');
    expect(trendQuarters(q2, 8, '2026-07-15').map((p) => p.key)).toEqual([
      '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2',
    ]);
  });
});

describe('computeFigures (golden dataset, computed by hand)', () => {
  const f = computeFigures(facts, q2);

  it('has one indicator per key, each with its definition in words', () => {
    expect(indicators.map((i) => i.key)).toEqual([...FigureKeyEnum.values]);
    for (const indicator of indicators) expect(indicator.definition.length).toBeGreaterThan(10);
  });

  it('counts the tasks in play and their lights', () => {
    // In play in Q2: 1, 2, 3, 6 (4 is a draft; 5 finished on Mar 20, before Q2 began).
    expect(f.tasks).toMatchObject({ value: 4, taskIds: [1, 2, 3, 6] });
    // Lights as stored today: 1 green, 2 red, 3 and 6 grey.
    expect(f.light_green.taskIds).toEqual([1]);
    expect(f.light_red.taskIds).toEqual([2]);
    expect(f.light_yellow.value).toBe(0);
    expect(f.light_grey).toMatchObject({ value: 2, taskIds: [3, 6] });
  });

  it('computes the completion rate', () => {
    // Finished by Jun 30 among the 4 in play: task 3 (May 10) → 1 / 4 = 25 %.
    expect(f.completed).toMatchObject({ value: 1, taskIds: [3] });
    expect(f.completion_rate).toMatchObject({ value: 25, numerator: 1, denominator: 4 });
  });

  it('computes milestones due, on time and late', () => {
    // Due Apr 1 – Jun 30: 1.M1 (Apr 15), 1.M2 (May 20), 2.M2 (Jun 10), 3.M1 (May 10), 6.M1 (Apr 30) = 5.
    expect(f.milestones_due).toMatchObject({ value: 5, taskIds: [1, 2, 3, 6] });
    // Done by their due date: 1.M1 (Apr 10 ≤ Apr 15), 3.M1 (May 10 ≤ May 10) → 2 / 5 = 40 %.
    expect(f.milestones_on_time_rate).toMatchObject({ value: 40, numerator: 2, denominator: 5 });
    // Late: 1.M2 (done May 25), 2.M2 (undone), 6.M1 (undone) = 3, tasks 1, 2, 6.
    expect(f.milestones_late).toMatchObject({ value: 3, taskIds: [1, 2, 6] });
  });

  it('counts overdue milestones and tasks at the end of the period', () => {
    // Running on Jun 30 (not suspended, not finished): 1 and 2. Task 1: M1, M2 done, M3 not due.
    // Task 2: M1 (Mar 31) and M2 (Jun 10) undone → 2 overdue milestones, both of task 2.
    expect(f.overdue_milestones).toMatchObject({ value: 2, taskIds: [2] });
    // Deadline passed undone: task 2 (Jun 15). Task 6 (May 31) is suspended and not counted.
    expect(f.overdue_tasks).toMatchObject({ value: 1, taskIds: [2] });
  });

  it('computes report timeliness and acceptance at first submission', () => {
    // Due in Q2: the 2026 Q1 reports (due Apr 10). In play in Q1: 1, 2, 3, 5, 6 → 5 expected.
    expect(f.reports_expected).toMatchObject({ value: 5, taskIds: [1, 2, 3, 5, 6] });
    // On time (≤ Apr 10): 1 (Apr 8), 3 (Apr 10), 6 (Apr 2) → 3 / 5 = 60 %. Late: 2 (Apr 15), 5 (never).
    expect(f.reports_on_time_rate).toMatchObject({ value: 60, numerator: 3, denominator: 5 });
    expect(f.reports_late).toMatchObject({ value: 2, taskIds: [2, 5] });
    // Reviewed: 1 (first time), 2 (returned), 6 (first time); 3 not yet → 2 / 3 = 66.7 %.
    expect(f.reports_first_acceptance_rate).toMatchObject({ value: 66.7, numerator: 2, denominator: 3 });
  });

  it('counts open and overdue rectifications', () => {
    // Open at Jun 30: #1 (open), #2 (closed Jul 5, after). #3 closed Mar 25; #4 found Jul 2. → 2.
    expect(f.rectifications_open).toMatchObject({ value: 2, taskIds: [1, 2] });
    // Past their deadline: #1 (Jun 1). #2's is Jul 31. → 1.
    expect(f.rectifications_overdue).toMatchObject({ value: 1, taskIds: [2] });
  });

  it('counts delivered outcomes by kind and pilots by stage', () => {
    // Task 1 delivered 2 documents; task 5's 3 are outside Q2 (not in play).
    expect(f.outcomes_institutional_document).toMatchObject({ value: 2, taskIds: [1] });
    expect(f.outcomes_replicable_experience).toMatchObject({ value: 1, taskIds: [3] });
    expect(f.outcomes_landmark.value).toBe(0);
    expect(f.pilots_running).toMatchObject({ value: 1, taskIds: [2] });
    expect(f.pilots_promoted.value).toBe(0);
  });

  it('gives a rate of null when nothing was due', () => {
    const empty = computeFigures({ ...facts, tasks: [], reports: [], rectifications: [] }, q2);
    expect(empty.completion_rate).toMatchObject({ value: null, numerator: 0, denominator: 0 });
  });

  it('computes one figure alone exactly as in the whole set', () => {
    expect(computeFigure(facts, q2, 'reports_late')).toEqual(f.reports_late);
  });
});

describe('figuresByUnit', () => {
  it('computes each unit’s figures from its own tasks, reports and rectifications', () => {
    const byUnit = figuresByUnit(facts, q2, (t) => t.leadUnitId);
    // Unit 10 leads 1, 3, 4, 5; in play: 1, 3. Unit 20 leads 2, 6.
    expect(byUnit.get(10)!.tasks.taskIds).toEqual([1, 3]);
    expect(byUnit.get(20)!.tasks.taskIds).toEqual([2, 6]);
    expect(byUnit.get(10)!.overdue_milestones.value).toBe(0);
    expect(byUnit.get(20)!.overdue_milestones.value).toBe(2);
    // Reports: unit 10 owed 1, 3, 5 (5 missing) → 2 / 3; unit 20 owed 2 (late), 6 → 1 / 2.
    expect(byUnit.get(10)!.reports_on_time_rate).toMatchObject({ numerator: 2, denominator: 3 });
    expect(byUnit.get(20)!.reports_on_time_rate).toMatchObject({ numerator: 1, denominator: 2 });
    // The parts add up to the whole.
    const sum = [...byUnit.values()].reduce((s, set) => s + (set.rectifications_open.value ?? 0), 0);
    expect(sum).toBe(computeFigures(facts, q2).rectifications_open.value);
  });
});
