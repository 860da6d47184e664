import { editableFieldsOf, pilotFieldLabels, type TPilotEdit, type TTaskDetail, type TTaskEditableField, type TTaskEditableFields } from '@reform/contracts';
import { Alert, Table, Tag, Typography } from 'antd';
import { ConflictDialog } from '@/lib/conflict-dialog';
import { formatDateTime } from '@reform/domain';
import {
  changedPilotFields,
  describePilotValue,
  describeValue,
  editableFieldNames,
  fieldLabels,
  pilotFieldNames,
  sameValue,
} from '../lib/task-form-values';

export interface Conflict {
  /** The record as the other person saved it. */
  current: TTaskDetail;
  /** Everything that was in the form when saving failed. */
  mine: Partial<Record<TTaskEditableField, unknown>>;
  /** What this user had changed from the version they started from (of a pilot, the fields changed). */
  myChanges: Partial<TTaskEditableFields>;
}

interface ConflictModalProps {
  conflict: Conflict | null;
  unitName: (id: number) => string;
  onLoadLatest: () => void;
  onReapply: () => void;
}

interface Row {
  key: string;
  label: string;
  mine: string;
  theirs: string;
  changedByMe: boolean;
}

/** A pilot's own fields compared one by one, so the dialog names 试点批次 rather than the whole 试点信息. */
function pilotRows(conflict: Conflict, theirs: TPilotEdit, unitName: (id: number) => string): Row[] {
  const mine = (conflict.mine.pilot ?? {}) as TPilotEdit;
  const differing = changedPilotFields(theirs, mine);
  return pilotFieldNames
    .filter((name) => name in differing)
    .map((name) => ({
      key: `pilot.${name}`,
      label: pilotFieldLabels[name],
      mine: describePilotValue(name, mine[name], unitName),
      theirs: describePilotValue(name, theirs[name], unitName),
      changedByMe: name in (conflict.myChanges.pilot ?? {}),
    }));
}

export function conflictRows(conflict: Conflict, unitName: (id: number) => string): Row[] {
  const theirs = editableFieldsOf(conflict.current);
  return editableFieldNames
    .filter((name) => name in conflict.mine)
    .flatMap((name) => {
      if (name === 'pilot') return pilotRows(conflict, theirs.pilot, unitName);
      if (sameValue(name, conflict.mine[name], theirs[name])) return [];
      return [
        {
          key: name,
          label: fieldLabels[name],
          mine: describeValue(name, conflict.mine[name], unitName),
          theirs: describeValue(name, theirs[name], unitName),
          changedByMe: name in conflict.myChanges,
        },
      ];
    });
}

export function ConflictModal({ conflict, unitName, onLoadLatest, onReapply }: ConflictModalProps) {
  const rows = conflict ? conflictRows(conflict, unitName) : [];
  const cell = (text: string) => <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{text}</span>;
  return (
    <ConflictDialog
      open={conflict !== null}
      title="该任务已被他人修改"
      intro={
        conflict && (
          <>
            在您编辑期间，该任务已被他人保存为第 {conflict.current.version} 版（{formatDateTime(conflict.current.updatedAt)}
            ）。您的修改尚未保存。以下是您正在编辑的内容与对方已保存内容不同的字段：
          </>
        )
      }
      explanation="「载入最新版本」放弃您的修改并显示对方保存的内容；「在最新版本上重新应用我的修改」以对方保存的版本为基础，再填入您改过的字段（标记为“我改过”），请检查后再次保存。"
      loadLatest={{ label: '载入最新版本', onClick: onLoadLatest, testId: 'conflict-load-latest' }}
      keepMine={{ label: '在最新版本上重新应用我的修改', onClick: onReapply, testId: 'conflict-reapply' }}
    >
      {rows.length === 0 ? (
        <Alert type="info" showIcon title="对方保存的内容与您的编辑在可修改字段上一致，可载入最新版本后继续。" />
      ) : (
        <Table<Row>
          data-testid="conflict-table"
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          scroll={{ y: 360 }}
          columns={[
            {
              title: '字段',
              key: 'name',
              width: 140,
              render: (_, row) => (
                <>
                  {row.label}
                  {row.changedByMe && (
                    <Tag color="orange" style={{ marginInlineStart: 6 }}>
                      我改过
                    </Tag>
                  )}
                </>
              ),
            },
            { title: '我正在编辑的内容', key: 'mine', render: (_, row) => cell(row.mine) },
            {
              title: '对方已保存的内容',
              key: 'theirs',
              render: (_, row) => <Typography.Text strong>{cell(row.theirs)}</Typography.Text>,
            },
          ]}
        />
      )}
    </ConflictDialog>
  );
}
