import { RectificationStatusEnum, type TRectification } from '@reform/contracts';
import { Tag } from 'antd';

const colors = { open: 'processing', responded: 'warning', closed: 'success' } as const;

/** 整改中 / 已反馈待销号 / 已销号, and 逾期 N 天 for an open item past its deadline. */
export function RectificationStatus({ item }: { item: Pick<TRectification, 'status' | 'overdueDays'> }) {
  return (
    <>
      <Tag color={colors[item.status]}>{RectificationStatusEnum.labels[item.status]}</Tag>
      {item.overdueDays > 0 && (
        <Tag color="error" data-testid="rectification-overdue">
          逾期 {item.overdueDays} 天
        </Tag>
      )}
    </>
  );
}
