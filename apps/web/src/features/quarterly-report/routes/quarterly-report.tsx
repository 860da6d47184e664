import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import type { TQuarterlyReportFormat } from '@reform/contracts';
import { Alert, Button, Card, Checkbox, Col, Empty, Flex, Form, Row, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { ErrorState } from '@/components/error-state';
import { usePageTitle } from '@/lib/use-page-title';
import { useQuarterlyOverview } from '../api/quarterly-reports';
import { ReportFiles } from '../components/report-files';
import { ReportGenerator, type ReportChoice } from '../components/report-generator';
import { EntryForm } from '@/lib/entry-form';

/** 季度报告: choose a quarter and a scope, generate the PDF (previewed) and the Word document, download them. */
export function QuarterlyReportRoute() {
  usePageTitle('季度报告');
  const overview = useQuarterlyOverview();
  const [picked, setPicked] = useState<Partial<ReportChoice>>({});
  const [requested, setRequested] = useState<{ choice: ReportChoice; formats: TQuarterlyReportFormat[] } | null>(null);

  if (overview.isPending) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  if (overview.isError) return <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />;
  const { quarters, scopes, files } = overview.data;
  const choice: ReportChoice = {
    quarter: picked.quarter ?? quarters[0]?.key ?? '',
    scope: picked.scope ?? scopes[0]?.key ?? 'city',
    internal: picked.internal ?? false,
  };
  const generate = (format: TQuarterlyReportFormat) =>
    setRequested((current) => {
      const same = current && JSON.stringify(current.choice) === JSON.stringify(choice);
      return { choice, formats: same ? [...new Set([...current.formats, format])] : [format] };
    });

  return (
    <Flex vertical gap={16}>
      <Card title={<Typography.Title level={4} style={{ margin: 0 }}>季度报告</Typography.Title>}>
        {quarters.length === 0 ? (
          <Empty description="还没有改革任务数据，无法生成季度报告" />
        ) : (
          <Flex vertical gap={16}>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              报送市委深改委的季度报告：总体情况、红黄灯任务、晾晒比拼、各项任务季度进展、督察整改、典型案例和图表，数字与看板、排名一致。PDF 用于打印报送，Word 按公文格式排版、便于修改。
            </Typography.Paragraph>
            <EntryForm>
              <Row gutter={16}>
                <Col xs={24} sm={12} md={8}>
                  <Form.Item label="季度" htmlFor="report-quarter">
                    <Select
                      id="report-quarter"
                      value={choice.quarter}
                      options={quarters.map((q) => ({ value: q.key, label: q.label }))}
                      onChange={(quarter: string) => setPicked((p) => ({ ...p, quarter }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12} md={10}>
                  <Form.Item label="范围" htmlFor="report-scope">
                    <Select
                      id="report-scope"
                      showSearch
                      optionFilterProp="label"
                      value={choice.scope}
                      disabled={scopes.length === 1}
                      options={[
                        { label: '全市', options: scopes.filter((s) => s.kind === 'city').map((s) => ({ value: s.key, label: s.label })) },
                        { label: '县（市、区）', options: scopes.filter((s) => s.kind === 'county').map((s) => ({ value: s.key, label: s.label })) },
                        { label: '专项小组', options: scopes.filter((s) => s.kind === 'group').map((s) => ({ value: s.key, label: s.label })) },
                      ].filter((group) => group.options.length > 0)}
                      onChange={(scope: string) => setPicked((p) => ({ ...p, scope }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item label="封面标注">
                    <Checkbox checked={choice.internal} onChange={(event) => setPicked((p) => ({ ...p, internal: event.target.checked }))}>
                      内部资料
                    </Checkbox>
                  </Form.Item>
                </Col>
              </Row>
              <Flex gap={8} wrap>
                <Button type="primary" icon={<FilePdfOutlined />} onClick={() => generate('pdf')}>
                  生成 PDF
                </Button>
                <Button icon={<FileWordOutlined />} onClick={() => generate('docx')}>
                  生成 Word
                </Button>
              </Flex>
            </EntryForm>
            {requested && (
              <Flex vertical gap={16}>
                {JSON.stringify(requested.choice) !== JSON.stringify(choice) && (
                  <Alert type="info" showIcon message="已更改季度或范围，请重新点击“生成”" />
                )}
                {(['pdf', 'docx'] as const).map((format) => (
                  <ReportGenerator key={format} choice={requested.choice} format={format} requested={requested.formats.includes(format)} />
                ))}
              </Flex>
            )}
          </Flex>
        )}
      </Card>
      <Card title="已生成的报告">
        <ReportFiles files={files} />
      </Card>
    </Flex>
  );
}
