import type { TTaskDetail } from '@reform/contracts';
import { Typography } from 'antd';
import { deadlineShift } from '../lib/timetable';

/** 完成时限 as it stands, with its frozen baseline when an approved adjustment moved it. */
export function DeadlineWithBaseline({ task, testId }: { task: Pick<TTaskDetail, 'deadline' | 'baselineDeadline'>; testId: string }) {
  const shift = deadlineShift(task);
  return (
    <span>
      <span data-testid={testId}>{task.deadline}</span>
      {shift && (
        <Typography.Text type="warning" style={{ marginInlineStart: 4 }} data-testid={`${testId}-baseline`}>
          （{shift}）
        </Typography.Text>
      )}
    </span>
  );
}
