import { Form, InputNumber, Typography } from 'antd';
import { todayInShanghai } from '@reform/domain';
import type { SettingValue } from '../lib/setting-values';
import { SettingCard, type SettingCardTools } from './setting-card';

interface DayCountCardProps<K extends 'lights' | 'reports'> {
  value: SettingValue<K>;
  version: number;
}

const days = (n: number | null | undefined) => (typeof n === 'number' && Number.isFinite(n) ? n : 'N');

// ── 状态灯阈值 ───────────────────────────────────────────────────────────────────────────────

interface LightsForm {
  yellowWithinDays: number | null;
}

const lightsToForm = (value: SettingValue<'lights'>): LightsForm => ({ yellowWithinDays: value.yellowWithinDays });
const lightsFromForm = (form: LightsForm) => ({ yellowWithinDays: form.yellowWithinDays ?? undefined });
export const describeLights = (value: SettingValue<'lights'>) => `节点到期前 ${value.yellowWithinDays} 天未完成即亮黄灯`;

function LightsFields({ rules }: SettingCardTools<LightsForm>) {
  const current = Form.useWatch<number | null>('yellowWithinDays');
  return (
    <>
      <Typography.Paragraph type="secondary">
        状态灯由系统按事实计算：节点或完成时限已过仍未完成亮红灯；节点临近到期仍未完成，或上季度进展报告逾期未报，亮黄灯。
      </Typography.Paragraph>
      <Form.Item
        name="yellowWithinDays"
        label="黄灯提前天数"
        rules={rules(['yellowWithinDays'], '请填写天数')}
        validateFirst
        extra={<span data-testid="lights-sentence">{`节点到期前 ${days(current)} 天未完成即亮黄灯（可设 0 至 90 天）`}</span>}
      >
        <InputNumber precision={0} suffix="天" style={{ width: 160 }} placeholder="0–90" />
      </Form.Item>
    </>
  );
}

export function LightsCard({ value, version }: DayCountCardProps<'lights'>) {
  return (
    <SettingCard settingKey="lights" value={value} version={version} toForm={lightsToForm} fromForm={lightsFromForm} describe={describeLights}>
      {(tools) => <LightsFields {...tools} />}
    </SettingCard>
  );
}

// ── 季度报告时限 ─────────────────────────────────────────────────────────────────────────────

interface ReportsForm {
  dueDayAfterQuarter: number | null;
}

const reportsToForm = (value: SettingValue<'reports'>): ReportsForm => ({ dueDayAfterQuarter: value.dueDayAfterQuarter });
const reportsFromForm = (form: ReportsForm) => ({ dueDayAfterQuarter: form.dueDayAfterQuarter ?? undefined });
export const describeReports = (value: SettingValue<'reports'>) => `季度结束后第 ${value.dueDayAfterQuarter} 天为报送截止日`;

/** The first quarter's due date this year for N days after the quarter ends, as "4月10日". */
function firstQuarterDue(n: number): string {
  const year = Number(todayInShanghai().slice(0, 4));
  const due = new Date(Date.UTC(year, 2, 31 + n));
  return `${due.getUTCMonth() + 1}月${due.getUTCDate()}日`;
}

function ReportsFields({ rules }: SettingCardTools<ReportsForm>) {
  const current = Form.useWatch<number | null>('dueDayAfterQuarter');
  const valid = typeof current === 'number' && Number.isInteger(current) && current >= 0 && current <= 60;
  return (
    <>
      <Typography.Paragraph type="secondary">
        各单位一季度一报；截止日后仍未报送的，任务亮黄灯，并计入单位的报告及时率。
      </Typography.Paragraph>
      <Form.Item
        name="dueDayAfterQuarter"
        label="报送截止天数"
        rules={rules(['dueDayAfterQuarter'], '请填写天数')}
        validateFirst
        extra={
          <span data-testid="reports-sentence">
            {`季度结束后第 ${days(current)} 天为报送截止日`}
            {valid ? `，如一季度报告截止日为 ${firstQuarterDue(current)}` : '（可设 0 至 60 天）'}
          </span>
        }
      >
        <InputNumber precision={0} suffix="天" style={{ width: 160 }} placeholder="0–60" />
      </Form.Item>
    </>
  );
}

export function ReportsCard({ value, version }: DayCountCardProps<'reports'>) {
  return (
    <SettingCard
      settingKey="reports"
      value={value}
      version={version}
      toForm={reportsToForm}
      fromForm={reportsFromForm}
      describe={describeReports}
    >
      {(tools) => <ReportsFields {...tools} />}
    </SettingCard>
  );
}


// ── 到期提醒 ─────────────────────────────────────────────────────────────────────────────────

interface RemindersForm {
  daysBefore: number | null;
}

const remindersToForm = (value: SettingValue<'reminders'>): RemindersForm => ({ daysBefore: value.daysBefore });
const remindersFromForm = (form: RemindersForm) => ({ daysBefore: form.daysBefore ?? undefined });
export const describeReminders = (value: SettingValue<'reminders'>) => `到期前 ${value.daysBefore} 天及逾期次日各提醒一次`;

function RemindersFields({ rules }: SettingCardTools<RemindersForm>) {
  const current = Form.useWatch<number | null>('daysBefore');
  return (
    <>
      <Typography.Paragraph type="secondary">
        整改事项和任务节点到期前、逾期次日，系统向责任单位发出提醒：出现在待办中，并按配置发送邮件和消息推送；同一事项同一天只提醒一次。
      </Typography.Paragraph>
      <Form.Item
        name="daysBefore"
        label="提前提醒天数"
        rules={rules(['daysBefore'], '请填写天数')}
        validateFirst
        extra={<span data-testid="reminders-sentence">{`到期前 ${days(current)} 天及逾期次日各提醒一次（可设 1 至 30 天）`}</span>}
      >
        <InputNumber precision={0} suffix="天" style={{ width: 160 }} placeholder="1–30" />
      </Form.Item>
    </>
  );
}

export function RemindersCard({ value, version }: { value: SettingValue<'reminders'>; version: number }) {
  return (
    <SettingCard
      settingKey="reminders"
      value={value}
      version={version}
      toForm={remindersToForm}
      fromForm={remindersFromForm}
      describe={describeReminders}
    >
      {(tools) => <RemindersFields {...tools} />}
    </SettingCard>
  );
}
