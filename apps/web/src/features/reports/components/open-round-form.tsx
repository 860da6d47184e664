import { ZReportRoundOpenBody, type TReportRound } from '@reform/contracts';
import { Button, Card, Form, Input, InputNumber, Select, Space } from 'antd';
import { useSubmit } from '@/lib/use-submit';
import { useOpenRound } from '../api/reports';
import { EntryForm } from '@/lib/entry-form';

interface Values {
  year: number;
  quarter: number;
  dueDate?: string;
}

const labels: Record<string, string> = { year: '年度', quarter: '季度', dueDate: '报送截止日期' };

/** 开启轮次: a quarter and, if not the settings' default, its due date. */
export function OpenRoundForm({ defaults, onOpened }: { defaults: { year: number; quarter: number }; onOpened: (round: TReportRound) => void }) {
  const [form] = Form.useForm<Values>();
  const open = useOpenRound();
  const { check, submit, errorAlert, pending } = useSubmit({ form, labels: (name) => labels[String(name[0])] });
  const onFinish = (values: Values) => {
    const body = check(ZReportRoundOpenBody, { year: values.year, quarter: values.quarter, ...(values.dueDate ? { dueDate: values.dueDate } : {}) });
    if (!body) return;
    void submit(() => open.mutateAsync(body), onOpened);
  };
  return (
    <Card size="small" title="开启季度报告轮次" style={{ marginBottom: 16 }}>
      {errorAlert()}
      <EntryForm form={form} initialValues={defaults} onFinish={onFinish}>
        <Space wrap align="start">
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="quarter" label="季度" rules={[{ required: true, message: '请选择季度' }]}>
            <Select style={{ width: 120 }} options={[1, 2, 3, 4].map((q) => ({ value: q, label: `第${'一二三四'[q - 1]}季度` }))} />
          </Form.Item>
          <Form.Item name="dueDate" label="报送截止日期" extra="不填则按系统设置（季度结束后第 N 天）">
            <Input placeholder="YYYY-MM-DD" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label=" ">
            <Button type="primary" htmlType="submit" loading={pending} data-testid="open-round">
              开启轮次
            </Button>
          </Form.Item>
        </Space>
      </EntryForm>
    </Card>
  );
}
