import { describe, expect, it } from 'vitest';
import { milestoneState } from '../src/battle-map.ts';

describe('milestoneState', () => {
  const today = '2026-06-15';
  it('is done when done by the due date, late when done after it', () => {
    expect(milestoneState({ dueDate: '2026-06-10', doneDate: '2026-06-10' }, today)).toBe('done');
    expect(milestoneState({ dueDate: '2026-06-10', doneDate: '2026-06-01' }, today)).toBe('done');
    expect(milestoneState({ dueDate: '2026-06-10', doneDate: '2026-06-11' }, today)).toBe('late');
  });
  it('is late when its date has passed undone, due while today or later', () => {
    expect(milestoneState({ dueDate: '2026-06-14', doneDate: null }, today)).toBe('late');
    expect(milestoneState({ dueDate: '2026-06-15', doneDate: null }, today)).toBe('due');
    expect(milestoneState({ dueDate: '2026-09-30', doneDate: null }, today)).toBe('due');
  });
});
