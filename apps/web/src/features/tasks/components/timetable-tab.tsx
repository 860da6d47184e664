import { CheckOutlined, EditOutlined, FieldTimeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { TMilestone, TTaskDetail } from '@reform/contracts';
import { Alert, Button, Descriptions, Empty, Flex, Grid, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { lightColors } from '@/components/light-indicator';
import { daysBetween, formatDateTime, todayInShanghai } from '@reform/domain';
import { useAdjustments } from '../api/get-adjustments';
import { milestoneState, milestoneStateLabel } from '../lib/milestones';
import { baselineShift, lateDays } from '../lib/timetable';
import { AdjustmentBanner } from './adjustment-banner';
import { AdjustmentRequestModal } from './adjustment-request-modal';
import { ApproveBaselineModal } from './approve-baseline-modal';
import { CompleteMilestoneModal } from './complete-milestone-modal';
import { DeadlineWithBaseline } from './deadline-with-baseline';
import { EvidenceList } from './evidence-list';
import { MilestonesEditor } from './milestones-editor';

const { Text } = Typography;

const stateColors = { overdue: lightColors.red, 'due-soon': '#ad8b00', done: lightColors.green, pending: undefined };

export function TimetableTab({ task }: { task: TTaskDetail }) {
  const [editing, setEditing] = useState(false);
  const [completing, setCompleting] = useState<TMilestone | null>(null);
  // The edit form's frozen dates link here with ?adjust=1: open the request straight away.
  const location = useLocation();
  const navigate = useNavigate();
  const askedToAdjust = new URLSearchParams(location.search).get('adjust') === '1';
  const [requesting, setRequesting] = useState(askedToAdjust);
  const [approving, setApproving] = useState(false);
  const approved = task.baselineApprovedAt !== null;
  const adjustments = useAdjustments(task.id, { enabled: approved });
  const pending = adjustments.data?.find((a) => a.status === 'pending') ?? null;
  const { canPlanTimetable, canReportProgress } = task.permissions;
  const mayRequest = approved && canReportProgress && !pending && task.pendingAdjustmentId === null;
  useEffect(() => {
    if (!askedToAdjust) return;
    navigate({ pathname: location.pathname, hash: location.hash }, { replace: true });
    document.getElementById('timetable')?.scrollIntoView?.();
  }, [askedToAdjust, navigate, location.pathname, location.hash]);
  // On a phone the sequence and phase columns give way to the dates (undefined before measuring: wide).
  const narrow = Grid.useBreakpoint().md === false;

  const today = todayInShanghai();
  const finished = task.status === 'completed' || task.status === 'closed';
  const daysLeft = daysBetween(today, task.deadline);
  const milestones = [...task.milestones].sort((a, b) => a.seq - b.seq);
  const nameOf = new Map(milestones.map((m) => [m.id, `${m.seq}. ${m.name}`]));

  const stateOf = (m: TMilestone) => {
    const state = milestoneState(m, today);
    // A late completion is told beside its done date already.
    const label = state.kind === 'done' ? (state.late > 0 ? '逾期完成' : '按期完成') : milestoneStateLabel(state);
    return (
      <Text strong={state.kind === 'overdue'} style={{ color: state.kind === 'done' && state.late > 0 ? '#d46b08' : stateColors[state.kind] }}>
        {label}
      </Text>
    );
  };
  const doneOf = (m: TMilestone) => {
    if (!m.doneDate) return null;
    const late = lateDays(m);
    return (
      <span>
        <div>{m.doneDate}</div>
        {late > 0 && (
          <Text type="danger" style={{ fontSize: 12 }}>
            逾期完成 {late} 天
          </Text>
        )}
      </span>
    );
  };
  const completeButton = (m: TMilestone) =>
    m.doneDate ? null : (
      <Button size="small" className="no-print" icon={<CheckOutlined />} onClick={() => setCompleting(m)} aria-label={`标记完成：${m.name}`}>
        标记完成
      </Button>
    );

  return (
    <div data-testid="timetable-tab">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          { key: 'start', label: '开始日期', children: task.startDate },
          { key: 'deadline', label: '完成时限', children: <DeadlineWithBaseline task={task} testId="task-deadline" /> },
          {
            key: 'left',
            label: '剩余',
            children: finished ? '—' : daysLeft < 0 ? <Text type="danger">已超期 {-daysLeft} 天</Text> : `${daysLeft} 天`,
          },
          {
            key: 'baseline',
            label: '时间表',
            children: approved ? (
              <Text data-testid="baseline-approved">基线已于 {formatDateTime(task.baselineApprovedAt!).slice(0, 10)} 审定</Text>
            ) : (
              <Tag color="gold" data-testid="baseline-draft">
                尚未审定
              </Tag>
            ),
          },
        ]}
      />

      {pending && <AdjustmentBanner taskId={task.id} adjustment={pending} canDecide={canPlanTimetable} />}

      {!editing && (canPlanTimetable || canReportProgress) && (
        <Flex gap={8} wrap className="no-print" style={{ margin: '8px 0 12px' }}>
          {!approved && canPlanTimetable && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-milestones">
                编辑节点
              </Button>
              <Button
                type="primary"
                icon={<SafetyCertificateOutlined />}
                onClick={() => setApproving(true)}
                disabled={milestones.length === 0}
                data-testid="approve-baseline"
              >
                审定时间表
              </Button>
            </>
          )}
          {approved && canReportProgress && !pending && (
            <Button
              icon={<FieldTimeOutlined />}
              onClick={() => setRequesting(true)}
              disabled={task.pendingAdjustmentId !== null}
              data-testid="request-adjustment"
            >
              申请调整
            </Button>
          )}
        </Flex>
      )}

      {!approved && !editing && (
        <Alert
          type="info"
          showIcon
          style={{ margin: '8px 0 12px' }}
          title="时间表审定前，节点可由改革办直接修改；审定后基线冻结，日期调整需提交申请。"
        />
      )}

      {editing ? (
        <MilestonesEditor task={task} onDone={() => setEditing(false)} />
      ) : (
        <Table<TMilestone>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={milestones}
          scroll={{ x: 'max-content' }}
          data-testid="milestones-table"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未设置里程碑" /> }}
          rowClassName={(milestone) => {
            const state = milestoneState(milestone, today);
            return state.kind === 'overdue' ? 'milestone-overdue' : state.kind === 'due-soon' ? 'milestone-due-soon' : '';
          }}
          onRow={(m) => ({ 'data-testid': `milestone-${m.id}` }) as HTMLAttributes<HTMLElement>}
          columns={[
            ...(narrow ? [] : [{ title: '序号', dataIndex: 'seq', width: 56 }]),
            {
              title: '节点名称',
              dataIndex: 'name',
              render: (name: string, m) => (
                <>
                  <div style={{ minWidth: 96 }}>{name}</div>
                  {m.dependsOnId !== null && nameOf.has(m.dependsOnId) && (
                    <Text type="secondary" style={{ fontSize: 12 }}>
                      前置：{nameOf.get(m.dependsOnId)}
                    </Text>
                  )}
                  {m.note && (
                    <Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                      说明：{m.note}
                    </Text>
                  )}
                  {narrow && (
                    <Flex gap={8} wrap align="center" style={{ marginTop: 4 }}>
                      {stateOf(m)}
                      {doneOf(m)}
                      {canReportProgress && completeButton(m)}
                    </Flex>
                  )}
                </>
              ),
            },
            ...(narrow ? [] : [{ title: '阶段', dataIndex: 'phase', width: 96 }]),
            {
              title: '计划完成',
              key: 'dueDate',
              width: 180,
              render: (_, m) => {
                const shift = baselineShift(m);
                return (
                  <>
                    <div>{m.dueDate}</div>
                    {shift && (
                      <Text type="warning" style={{ fontSize: 12 }} data-testid="baseline-shift">
                        {shift}
                      </Text>
                    )}
                  </>
                );
              },
            },
            ...(narrow
              ? []
              : [
                  {
                    title: '完成日期',
                    key: 'doneDate',
                    width: 150,
                    render: (_: unknown, m: TMilestone) => doneOf(m) ?? <Text type="secondary">—</Text>,
                  },
                  { title: '状态', key: 'state', width: 140, render: (_: unknown, m: TMilestone) => stateOf(m) },
                ]),
            ...(canReportProgress && !narrow
              ? [
                  {
                    title: '操作',
                    key: 'actions',
                    width: 110,
                    className: 'no-print',
                    render: (_: unknown, m: TMilestone) => completeButton(m),
                  },
                ]
              : []),
          ]}
        />
      )}

      <EvidenceList taskId={task.id} milestones={task.milestones} />
      <CompleteMilestoneModal taskId={task.id} milestone={completing} onClose={() => setCompleting(null)} />
      {approving && !approved && <ApproveBaselineModal task={task} onClose={() => setApproving(false)} />}
      {requesting && mayRequest && <AdjustmentRequestModal task={task} open onClose={() => setRequesting(false)} />}
    </div>
  );
}
