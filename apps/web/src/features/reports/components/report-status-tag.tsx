import { ReportStatusEnum, type TReportStatus } from '@reform/contracts';
import { Tag } from 'antd';

const colors: Record<TReportStatus, string> = { draft: 'default', submitted: 'blue', returned: 'orange', accepted: 'green' };

export function ReportStatusTag({ status, late }: { status: TReportStatus; late?: boolean }) {
  return (
    <>
      <Tag color={colors[status]} data-testid="report-status">
        {ReportStatusEnum.labels[status]}
      </Tag>
      {late && <Tag color="red">逾期</Tag>}
    </>
  );
}
