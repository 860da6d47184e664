import type { TReportDetail } from '@reform/contracts';
import { Button, Card, Empty, Form, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { useUser } from '@/lib/auth';
import { ConflictDialog } from '@/lib/conflict-dialog';
import { useSubmit } from '@/lib/use-submit';
import { saveContribution } from '../api/reports';
import { EntryForm } from '@/lib/entry-form';

/** The cooperating units' own sections, visible to the lead unit before it submits; a cooperating unit writes its own here. */
export function Contributions({ report, onChanged }: { report: TReportDetail; onChanged: () => Promise<unknown> | void }) {
  const [form] = Form.useForm<{ text: string }>();
  const [conflict, setConflict] = useState(false);
  const { submit, errorAlert, pending } = useSubmit({ form, onConflict: () => setConflict(true) });
  const unitId = useUser().data?.unit.id;
  const mine = report.contributions.find((c) => c.unit.id === unitId);
  const others = report.contributions;
  return (
    <Card title="配合单位情况" size="small" style={{ marginTop: 16 }} data-testid="contributions">
      {others.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="配合单位尚未填写" />
      ) : (
        <List
          size="small"
          dataSource={others}
          renderItem={(c) => (
            <List.Item>
              <List.Item.Meta title={c.unit.name} description={<Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{c.text}</Typography.Text>} />
            </List.Item>
          )}
        />
      )}
      {report.can.contribute && (
        <EntryForm
          form={form}
          initialValues={{ text: mine?.text ?? '' }}
          onFinish={(values) => submit(() => saveContribution(report.id, mine?.version ?? 0, values.text), async () => { await onChanged(); })}
          style={{ marginTop: 12 }}
        >
          {errorAlert()}
          <Form.Item name="text" label="本单位配合情况" rules={[{ required: true, message: '请填写本单位配合情况' }]}>
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={5000} />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={pending}>
            保存配合情况
          </Button>
        </EntryForm>
      )}
      <ConflictDialog
        open={conflict}
        title="配合情况已被他人修改"
        intro="本单位的配合情况已被同事保存，您的修改尚未保存。"
        explanation="载入最新版本后可再修改。"
        primary="loadLatest"
        loadLatest={{ label: '载入最新版本', testId: 'contribution-load-latest', onClick: () => { setConflict(false); void onChanged(); } }}
        keepMine={{ label: '返回修改', testId: 'contribution-keep-mine', onClick: () => setConflict(false) }}
      >
        {null}
      </ConflictDialog>
    </Card>
  );
}
