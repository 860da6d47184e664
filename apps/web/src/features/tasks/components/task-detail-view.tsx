import { CheckCircleFilled, EditOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  OutcomeKindEnum,
  PilotStageEnum,
  TaskLevelEnum,
  TaskPriorityEnum,
  documentDetails,
  documentTitle,
  outcomeTally,
  pilotFieldLabels,
  taskEditableFieldLabels,
  taskFieldLabels,
  type TTaskDetail,
} from '@reform/contracts';
import { Button, Card, Descriptions, Flex, List, Space, Tabs, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { LightIndicator } from '@/components/light-indicator';
import { formatDateTime } from '@reform/domain';
import { DeadlineWithBaseline } from './deadline-with-baseline';
import { HistoryTimeline } from './history-timeline';
import { TaskRectifications } from './task-rectifications';
import { PilotExtension } from './pilot-extension';
import { TaskComments } from './task-comments';
import { TaskProgress } from './task-progress';
import { TaskReportsTab } from './task-reports-tab';
import { TaskStatusActions } from './task-status-actions';
import { ListTag, StatusTag } from './task-tags';
import { TimetableTab } from './timetable-tab';

const { Title, Text, Paragraph } = Typography;

const blank = <Text type="secondary">未填写</Text>;
const orBlank = (value: ReactNode) => (value === '' || value === null || value === undefined ? blank : value);

function Section({ id, title, extra, children }: { id: string; title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <section id={id} aria-label={title}>
      <Card className="print-block" title={title} extra={extra} style={{ marginTop: 16 }}>
        {children}
      </Card>
    </section>
  );
}

function Header({ task }: { task: TTaskDetail }) {
  return (
    <Card className="print-block">
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div style={{ minWidth: 0, flex: '1 1 480px' }}>
          <Space size={8} wrap>
            <Text type="secondary" data-testid="task-code">
              {task.code}
            </Text>
            <ListTag list={task.list} />
            <StatusTag status={task.status} testId="task-status" />
            {task.priority !== 'normal' && <Tag color="volcano">{TaskPriorityEnum.labels[task.priority]}</Tag>}
          </Space>
          <Title level={3} style={{ margin: '8px 0' }} data-testid="task-title">
            {task.title}
          </Title>
          <Flex align="center" gap={8} wrap>
            <LightIndicator light={task.light} reason={task.lightReason} showLabel />
            {task.lightReason && (
              <Text type="secondary" data-testid="light-reason">
                {task.lightReason}
              </Text>
            )}
          </Flex>
        </div>
        <Space className="no-print" wrap>
          <TaskStatusActions task={task} />
          {task.permissions.canEdit && (
            <Link to={`/tasks/${task.id}/edit`}>
              <Button type="primary" icon={<EditOutlined />} data-testid="edit-task">
                编辑
              </Button>
            </Link>
          )}
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印
          </Button>
        </Space>
      </Flex>
      <Descriptions
        size="small"
        style={{ marginTop: 16 }}
        column={{ xs: 1, sm: 2, lg: 3, xl: 5 }}
        items={[
          { key: 'field', label: '领域', children: task.field },
          { key: 'level', label: '层级', children: TaskLevelEnum.labels[task.level] },
          ...(task.list === 'mandate'
            ? [{ key: 'issuing', label: taskEditableFieldLabels.issuingLevel, children: task.issuingLevel ? TaskLevelEnum.labels[task.issuingLevel] : blank }]
            : []),
          { key: 'year', label: '年度', children: task.batch ? `${task.year}年 · ${task.batch}` : `${task.year}年` },
          { key: 'deadline', label: '完成时限', children: <DeadlineWithBaseline task={task} testId="header-deadline" /> },
          {
            key: 'progress',
            label: '进度',
            children: <TaskProgress task={task} />,
          },
        ]}
      />
      {task.tags.length > 0 && (
        <Space size={4} wrap style={{ marginTop: 8 }}>
          {task.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </Space>
      )}
    </Card>
  );
}

function TaskBook({ task }: { task: TTaskDetail }) {
  return (
    <Section id="task-book" title="任务书">
      <Title level={5} style={{ marginTop: 0 }}>
        工作目标
      </Title>
      <Paragraph style={{ whiteSpace: 'pre-wrap' }}>{orBlank(task.objective)}</Paragraph>

      <Title level={5}>主要举措</Title>
      {task.measures.length === 0 ? (
        <Paragraph>{blank}</Paragraph>
      ) : (
        <ol style={{ paddingInlineStart: 24, marginTop: 0 }} data-testid="measures">
          {[...task.measures]
            .sort((a, b) => a.seq - b.seq)
            .map((measure) => (
              <li key={measure.id} style={{ marginBottom: 6, whiteSpace: 'pre-wrap' }}>
                {measure.content}
              </li>
            ))}
        </ol>
      )}

      <Title level={5}>预期成果</Title>
      {task.outcomes.length === 0 ? (
        <Paragraph>{blank}</Paragraph>
      ) : (
        <List
          size="small"
          style={{ marginBottom: 16 }}
          data-testid="outcomes"
          dataSource={task.outcomes}
          renderItem={(outcome) => {
            const met = outcome.deliveredCount >= outcome.targetCount;
            return (
              <List.Item
                extra={
                  <Space size={6} style={{ whiteSpace: 'nowrap' }}>
                    <Text type="secondary">已交付</Text>
                    <Text strong type={met ? 'success' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {outcomeTally(outcome)}
                    </Text>
                    {met && <CheckCircleFilled style={{ color: '#52c41a' }} aria-hidden />}
                  </Space>
                }
              >
                <Space wrap>
                  <Tag color="geekblue">{OutcomeKindEnum.labels[outcome.kind]}</Tag>
                  <span>{outcome.description}</span>
                </Space>
              </List.Item>
            );
          }}
        />
      )}

      <Title level={5}>验收标准</Title>
      <Paragraph style={{ whiteSpace: 'pre-wrap' }}>{orBlank(task.acceptanceCriteria)}</Paragraph>

      <Title level={5}>依据文件</Title>
      {task.sourceDocuments.length === 0 ? (
        <Paragraph style={{ marginBottom: 0 }}>{blank}</Paragraph>
      ) : (
        <ul style={{ paddingInlineStart: 24, margin: 0 }} data-testid="source-documents">
          {task.sourceDocuments.map((doc) => (
            <li key={doc.id} style={{ marginBottom: 4 }}>
              <Text>{documentTitle(doc.title)}</Text>
              {documentDetails(doc) && (
                <Text type="secondary" style={{ marginInlineStart: 8 }}>
                  {documentDetails(doc)}
                </Text>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function TimetableAndHistory({ task }: { task: TTaskDetail }) {
  const [tab, setTab] = useState('timetable');
  return (
    <section id="timetable" aria-label="时间表">
      <Card className="print-block" style={{ marginTop: 16 }} styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'timetable', label: '时间表', children: <TimetableTab task={task} /> },
            { key: 'history', label: '变更历史', children: <HistoryTimeline taskId={task.id} /> },
            { key: 'reports', label: '季度报告', children: <TaskReportsTab taskId={task.id} active={tab === 'reports'} /> },
            { key: 'rectifications', label: '督查整改', children: <TaskRectifications taskId={task.id} /> },
          ]}
        />
      </Card>
    </section>
  );
}

function Responsibility({ task }: { task: TTaskDetail }) {
  return (
    <Section id="responsibility" title="责任状（四个一）">
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'leader', label: '领衔领导', children: orBlank(task.leadLeader) },
          { key: 'group', label: '专项小组', children: orBlank(task.specialGroup?.name) },
          { key: 'lead', label: '牵头单位', children: task.leadUnit.name },
          {
            key: 'coop',
            label: '配合单位',
            children:
              task.cooperatingUnits.length === 0 ? (
                '无'
              ) : (
                <Space size={4} wrap>
                  {task.cooperatingUnits.map((unit) => (
                    <Tag key={unit.id} style={{ marginInlineEnd: 0 }}>
                      {unit.name}
                    </Tag>
                  ))}
                </Space>
              ),
          },
          { key: 'contact', label: '联系人', children: orBlank(task.contactName) },
          {
            key: 'phone',
            label: '联系电话',
            children: task.contactPhone ? <a href={`tel:${task.contactPhone}`}>{task.contactPhone}</a> : blank,
          },
          ...(task.originatingUnit
            ? [{ key: 'origin', label: taskEditableFieldLabels.originatingUnitId, children: task.originatingUnit.name }]
            : []),
        ]}
      />
    </Section>
  );
}

function Pilot({ task, pilot }: { task: TTaskDetail; pilot: NonNullable<TTaskDetail['pilot']> }) {
  return (
    <Section id="pilot" title={taskEditableFieldLabels.pilot} extra={<span className="no-print"><PilotExtension task={task} /></span>}>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'batch', label: pilotFieldLabels.batch, children: orBlank(pilot.batch) },
          { key: 'stage', label: '所处阶段', children: <Tag color="blue">{PilotStageEnum.labels[pilot.stage]}</Tag> },
          { key: 'level', label: pilotFieldLabels.approvingLevel, children: TaskLevelEnum.labels[pilot.approvingLevel] },
          { key: 'county', label: pilotFieldLabels.applyingCountyId, children: orBlank(pilot.applyingCounty?.name) },
          { key: 'guide', label: pilotFieldLabels.guidingUnit, children: orBlank(pilot.guidingUnit) },
          { key: 'term', label: '试点期限', children: `${pilot.termStart} 至 ${pilot.termEnd}` },
          ...(pilot.extendedTo
            ? [
                {
                  key: 'ext',
                  label: taskFieldLabels['pilot.extendedTo'],
                  children: <span data-testid="pilot-extended-to">{pilot.extendedTo}</span>,
                },
                {
                  key: 'reason',
                  label: taskFieldLabels['pilot.extensionReason'],
                  children: <span data-testid="pilot-extension-reason">{orBlank(pilot.extensionReason)}</span>,
                },
              ]
            : []),
        ]}
      />
    </Section>
  );
}

export function TaskDetailView({ task }: { task: TTaskDetail }) {
  return (
    <article data-testid="task-detail">
      <Header task={task} />
      <TaskBook task={task} />
      <TimetableAndHistory task={task} />
      <Responsibility task={task} />
      {task.list === 'pilot' && task.pilot && <Pilot task={task} pilot={task.pilot} />}
      <Text type="secondary" style={{ display: 'block', marginTop: 12, fontSize: 12 }}>
        最后更新：{formatDateTime(task.updatedAt)}（第 {task.version} 版）
      </Text>
      <Section id="comments" title="评论">
        <TaskComments taskId={task.id} />
      </Section>
    </article>
  );
}
