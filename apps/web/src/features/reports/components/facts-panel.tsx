import { OutcomeKindEnum, ReportStatusEnum, type TReportFacts } from '@reform/contracts';
import { Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { evidenceDownloadUrl } from '../api/reports';

/** What the system already knows for the task and quarter, read-only above the fields: the unit never types a recorded fact again. */
export function FactsPanel({ facts }: { facts: TReportFacts }) {
  const { milestonesCompleted, milestonesDueNotDone, outcomes, adjustmentsApproved, previous } = facts;
  return (
    <Card title="系统已记录的情况（只读）" size="small" data-testid="facts-panel" style={{ marginBottom: 16 }}>
      <Descriptions column={1} size="small" styles={{ label: { width: 140 } }}>
        <Descriptions.Item label="本季度完成节点">
          {milestonesCompleted.length === 0 ? (
            <Typography.Text type="secondary">本季度没有完成的节点</Typography.Text>
          ) : (
            <List
              size="small"
              dataSource={milestonesCompleted}
              renderItem={(m) => (
                <List.Item style={{ padding: '2px 0' }}>
                  <Space wrap size={4}>
                    <Tag color="green">已完成</Tag>
                    {m.name}
                    <Typography.Text type="secondary">
                      计划 {m.dueDate}，完成 {m.doneDate}
                    </Typography.Text>
                    {m.evidence.map((file) => (
                      <a key={file.id} href={evidenceDownloadUrl(file.id)}>
                        {file.originalName}
                      </a>
                    ))}
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Descriptions.Item>
        <Descriptions.Item label="到期未完成节点">
          {milestonesDueNotDone.length === 0 ? (
            <Typography.Text type="secondary">无</Typography.Text>
          ) : (
            <Space orientation="vertical" size={2}>
              {milestonesDueNotDone.map((m) => (
                <span key={m.id}>
                  <Tag color="red">未完成</Tag>
                  {m.name}（计划 {m.dueDate}）
                </span>
              ))}
            </Space>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="成果交付">
          {outcomes.length === 0 ? (
            <Typography.Text type="secondary">任务书未列预期成果</Typography.Text>
          ) : (
            <Space orientation="vertical" size={2}>
              {outcomes.map((o) => (
                <span key={o.id}>
                  {OutcomeKindEnum.labels[o.kind]}：{o.description}（已交付 {o.deliveredCount}/{o.targetCount}）
                </span>
              ))}
            </Space>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="本季度批准的调整">
          {adjustmentsApproved.length === 0 ? (
            <Typography.Text type="secondary">无</Typography.Text>
          ) : (
            adjustmentsApproved.map((a) => <div key={a.id}>{a.reason}</div>)
          )}
        </Descriptions.Item>
        <Descriptions.Item label="上季度报告">
          {previous ? (
            <Space orientation="vertical" size={2}>
              <span>
                {previous.year}年第{previous.quarter}季度 · {ReportStatusEnum.labels[previous.status]} · 完成进度 {previous.percentComplete}%
              </span>
              <span>下步打算：{previous.nextSteps || '（未填写）'}</span>
            </Space>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有上季度报告" style={{ margin: 0 }} />
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
