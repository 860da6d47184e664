import { describe, expect, it } from 'vitest';
import { isInArea, navAreas } from './nav';

const areaOf = (pathname: string) => navAreas.find((area) => isInArea(area, pathname))?.label;

describe('the menu entry a page belongs to', () => {
  it('is the area of the page and of its sub-pages, also where they live under another path', () => {
    expect(areaOf('/tasks')).toBe('任务清单');
    expect(areaOf('/tasks/12/edit')).toBe('任务清单');
    expect(areaOf('/inspections/3')).toBe('督查整改');
    expect(areaOf('/rectifications')).toBe('督查整改');
    expect(areaOf('/reminders')).toBe('督查整改');
    expect(areaOf('/reports/rounds/2')).toBe('进展报告');
  });

  it('is none for a path that only starts like an area', () => {
    expect(areaOf('/tasksx')).toBeUndefined();
    expect(areaOf('/nowhere')).toBeUndefined();
  });
});
