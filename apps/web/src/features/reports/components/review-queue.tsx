import type { TReportListItem } from '@reform/contracts';
import { Alert, Space, Typography } from 'antd';
import { useEffect, useRef, useState, type HTMLAttributes } from 'react';
import { useNavigate } from 'react-router';
import { useInvalidateReports } from '../api/reports';
import { ReportsTable, type ReportsTableProps } from './reports-table';
import { ReviewActions } from './review-actions';

/** Single-key shortcuts stay out of the way while the user types or a dialog is open. */
function ignored(event: KeyboardEvent): boolean {
  const el = event.target as HTMLElement | null;
  if (event.ctrlKey || event.metaKey || event.altKey) return true;
  if (!el || typeof el.closest !== 'function') return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || el.closest('.ant-modal-wrap, .ant-select-dropdown') !== null;
}

type ReviewQueueProps = Pick<ReportsTableProps, 'items' | 'total' | 'page' | 'pageSize' | 'loading' | 'onPage'>;

const rowOf = (id: number) => document.querySelector<HTMLElement>(`[data-testid="review-queue"] tr[data-row-key="${id}"]`);

/**
 * 审核队列, worked from the keyboard: J / ↓ and K / ↑ move between the submitted reports, Enter
 * opens one, A accepts and R returns the current one (the comment required and focused). After a
 * decision the report leaves the queue and the focus lands on the next one, never on nothing.
 */
export function ReviewQueue({ items, total, page, pageSize, loading, onPage }: ReviewQueueProps) {
  const navigate = useNavigate();
  const invalidate = useInvalidateReports();
  const [index, setIndex] = useState(0);
  const refocus = useRef(false);
  const at = Math.min(index, Math.max(items.length - 1, 0));
  const current = items[at];

  const moveTo = (next: number) => {
    const clamped = Math.min(Math.max(next, 0), items.length - 1);
    setIndex(clamped);
    const item = items[clamped];
    if (item) rowOf(item.id)?.focus();
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (ignored(event) || items.length === 0) return;
      if (event.key === 'j' || event.key === 'J' || event.key === 'ArrowDown') {
        event.preventDefault();
        moveTo(at + 1);
      } else if (event.key === 'k' || event.key === 'K' || event.key === 'ArrowUp') {
        event.preventDefault();
        moveTo(at - 1);
      } else if (event.key === 'Enter' && current && (event.target as HTMLElement).tagName !== 'A' && (event.target as HTMLElement).tagName !== 'BUTTON') {
        event.preventDefault();
        void navigate(`/reports/${current.id}`);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // After a decision the queue is read again; the focus goes to the report now in the decided one's place.
  useEffect(() => {
    if (!refocus.current || loading) return;
    refocus.current = false;
    const target = current ? rowOf(current.id) : null;
    (target ?? document.querySelector<HTMLElement>('[data-testid="review-queue-hint"]'))?.focus();
  }, [current, loading]);

  const onRow = (row: TReportListItem, rowIndex?: number) =>
    ({
      tabIndex: row.id === current?.id ? 0 : -1,
      'aria-selected': row.id === current?.id,
      'aria-current': row.id === current?.id ? 'true' : undefined,
      style: row.id === current?.id ? { background: 'var(--ant-color-primary-bg, #e6f4ff)', outline: 'none', boxShadow: 'inset 3px 0 0 var(--ant-color-primary, #1677ff)' } : undefined,
      onFocus: () => rowIndex !== undefined && rowIndex !== at && setIndex(rowIndex),
      onClick: () => rowIndex !== undefined && setIndex(rowIndex),
    }) as HTMLAttributes<HTMLElement>;

  return (
    <div>
      <Typography.Paragraph type="secondary" tabIndex={-1} data-testid="review-queue-hint" style={{ marginBottom: 8 }}>
        键盘操作：<kbd>J</kbd> / <kbd>↓</kbd> 下一份，<kbd>K</kbd> / <kbd>↑</kbd> 上一份，<kbd>Enter</kbd> 打开，<kbd>A</kbd> 采纳，<kbd>R</kbd> 退回（须填写退回意见）
      </Typography.Paragraph>
      {current ? (
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          data-testid="review-queue-current"
          title={
            <Space wrap size={[12, 8]}>
              <span>
                当前：{current.task.code} {current.task.title}（{current.unit.name}，{current.percentComplete}%）
              </span>
              <ReviewActions
                key={`${current.id}-${current.version}`}
                report={current}
                onDone={async () => {
                  refocus.current = true;
                  await invalidate();
                }}
              />
            </Space>
          }
        />
      ) : null}
      <ReportsTable
        {...{ items, total, page, pageSize, loading, onPage }}
        actionLabel={() => '审核'}
        testId="review-queue"
        onRow={onRow}
      />
    </div>
  );
}
