import { Typography } from 'antd';
import { ConflictDialog } from '@/lib/conflict-dialog';
import type { ReactNode } from 'react';

export interface SettingConflict<V> {
  /** The setting as the other person saved it. */
  value: V;
  version: number;
  /** What this user was about to save. */
  mine: V | null;
}

interface SettingConflictModalProps<V> {
  label: string;
  conflict: SettingConflict<V> | null;
  describe: (value: V) => ReactNode;
  onLoadLatest: () => void;
  onKeepMine: () => void;
}

function Panel({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <div data-testid={testId} style={{ flex: '1 1 300px', minWidth: 0, border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px' }}>
      <Typography.Text strong>{title}</Typography.Text>
      <div style={{ marginTop: 8 }}>{children}</div>
    </div>
  );
}

/** Someone saved the setting first: show their value beside mine, and let the user choose. */
export function SettingConflictModal<V>({ label, conflict, describe, onLoadLatest, onKeepMine }: SettingConflictModalProps<V>) {
  return (
    <ConflictDialog
      open={conflict !== null}
      title="该设置已被他人修改"
      width={760}
      intro={conflict && <>在您编辑期间，「{label}」已被他人保存为第 {conflict.version} 版，您的修改尚未保存。</>}
      explanation="「载入最新设置」放弃您的修改并显示对方保存的设置；「保留我的修改」留在表单中，再次保存将覆盖对方的设置。"
      loadLatest={{ label: '载入最新设置', onClick: onLoadLatest, testId: 'conflict-load-latest' }}
      keepMine={{ label: '保留我的修改', onClick: onKeepMine, testId: 'conflict-keep-mine' }}
      primary="loadLatest"
    >
      {conflict && (
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Panel title="对方已保存的设置" testId="conflict-theirs">
            {describe(conflict.value)}
          </Panel>
          {conflict.mine !== null && (
            <Panel title="我尚未保存的修改" testId="conflict-mine">
              {describe(conflict.mine)}
            </Panel>
          )}
        </div>
      )}
    </ConflictDialog>
  );
}
