import { PaperClipOutlined } from '@ant-design/icons';
import type { TMilestone } from '@reform/contracts';
import { List, Typography } from 'antd';
import { formatDateTime } from '@reform/domain';
import { evidenceDownloadUrl, useEvidence } from '../api/evidence';

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The task's evidence files, each a download (always as an attachment), with the milestone it proves. */
export function EvidenceList({ taskId, milestones }: { taskId: number; milestones: TMilestone[] }) {
  const evidence = useEvidence(taskId);
  if (!evidence.data || evidence.data.length === 0) return null;
  const names = new Map(milestones.map((m) => [m.id, m.name]));
  return (
    <section aria-label="佐证材料" style={{ marginTop: 16 }}>
      <Typography.Title level={5}>佐证材料</Typography.Title>
      <List
        size="small"
        dataSource={evidence.data}
        renderItem={(file) => (
          <List.Item>
            <List.Item.Meta
              avatar={<PaperClipOutlined />}
              title={
                <a href={evidenceDownloadUrl(file.id)} download>
                  {file.originalName}
                </a>
              }
              description={[
                file.milestoneId !== null ? `节点：${names.get(file.milestoneId) ?? file.milestoneId}` : null,
                size(file.size),
                `${file.uploadedBy} 于 ${formatDateTime(file.createdAt)} 上传`,
              ]
                .filter(Boolean)
                .join(' · ')}
            />
          </List.Item>
        )}
      />
    </section>
  );
}
