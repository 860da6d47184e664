import type { TTaskListItem } from '@reform/contracts';
import { Progress, Tooltip, Typography } from 'antd';

type ProgressFacts = Pick<TTaskListItem, 'milestonesDone' | 'milestonesTotal' | 'progress'>;

/** What the progress figures mean, said where they are shown. */
export const progressExplanation =
  '节点：时间表中已完成的节点数 / 节点总数，完成一个节点即更新。百分比：最近一份已采纳的季度报告填报的完成进度，下一份报告采纳前不会变化。';

/** A task's progress as the timetable shows it (milestones done of all), beside the percent last reported. */
export function TaskProgress({ task, compact = false }: { task: ProgressFacts; compact?: boolean }) {
  const { milestonesDone: done, milestonesTotal: total, progress } = task;
  const milestones = total === 0 ? '未排节点' : `节点 ${done}/${total}`;
  const reported = `报告采纳 ${progress}%`;
  return (
    <Tooltip title={progressExplanation}>
      <span
        tabIndex={0}
        aria-label={`进度：${milestones}，${reported}`}
        data-testid="task-progress"
        style={{ display: 'inline-block', minWidth: compact ? 0 : 160, lineHeight: 1.4 }}
      >
        <Progress percent={total === 0 ? 0 : Math.round((done / total) * 100)} size="small" showInfo={false} style={{ margin: 0 }} />
        <Typography.Text style={{ whiteSpace: 'nowrap', fontSize: compact ? 12 : undefined }}>
          {milestones}
          {compact ? <br /> : ' · '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {reported}
          </Typography.Text>
        </Typography.Text>
      </span>
    </Tooltip>
  );
}
