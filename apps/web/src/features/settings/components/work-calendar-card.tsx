import { Col, Form, Row, Typography } from 'antd';
import type { FieldPath } from '@/lib/zod-form';
import type { SettingValue } from '../lib/setting-values';
import { DateListInput, groupByYear, shortDate } from './date-list-input';
import { SettingCard, type SettingCardTools } from './setting-card';

type Calendar = SettingValue<'workCalendar'>;
type CalendarForm = Calendar;

const toForm = (value: Calendar): CalendarForm => ({ holidays: [...value.holidays], makeupWorkdays: [...value.makeupWorkdays] });
const fromForm = (form: CalendarForm) => ({ holidays: form.holidays ?? [], makeupWorkdays: form.makeupWorkdays ?? [] });
/** An issue with one date ("holidays.3") is shown on its list. */
const toFieldName = (path: FieldPath): FieldPath => (path[0] === 'holidays' || path[0] === 'makeupWorkdays' ? [path[0]] : []);

const lists = [
  { name: 'holidays', noun: '法定节假日', other: 'makeupWorkdays', otherNoun: '调休上班日', help: '放假的日子，即使是周一至周五也不安排里程碑。' },
  { name: 'makeupWorkdays', noun: '调休上班日', other: 'holidays', otherNoun: '法定节假日', help: '调休上班的周末，按工作日计。' },
] as const;

export function describeWorkCalendar(value: Calendar) {
  return (
    <>
      {lists.map((list) => (
        <div key={list.name} style={{ marginBottom: 8 }}>
          <Typography.Text strong>
            {list.noun}（共 {value[list.name].length} 天）
          </Typography.Text>
          {groupByYear(value[list.name]).map(([year, dates]) => (
            <div key={year} style={{ fontSize: 13 }}>
              {year} 年：{dates.map((date) => shortDate(date).split(' ')[0]).join('、')}
            </div>
          ))}
        </div>
      ))}
    </>
  );
}

function CalendarFields({ rules }: SettingCardTools<CalendarForm>) {
  const holidays = Form.useWatch<string[] | undefined>('holidays') ?? [];
  const makeupWorkdays = Form.useWatch<string[] | undefined>('makeupWorkdays') ?? [];
  const current = { holidays, makeupWorkdays };
  return (
    <>
      <Typography.Paragraph type="secondary">
        倒排工期只把里程碑安排在工作日：周一至周五为工作日，法定节假日除外，调休上班日计入；落在休息日的里程碑提前到前一个工作日。
      </Typography.Paragraph>
      <Row gutter={24}>
        {lists.map((list) => (
          <Col key={list.name} xs={24} lg={12}>
            <Form.Item
              name={list.name}
              label={
                <span data-testid={`${list.name}-count`}>
                  {list.noun}（共 {current[list.name].length} 天）
                </span>
              }
              rules={rules([list.name])}
            >
              <DateListInput noun={list.noun} otherDates={current[list.other]} otherNoun={list.otherNoun} help={list.help} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </>
  );
}

export function WorkCalendarCard({ value, version }: { value: Calendar; version: number }) {
  return (
    <SettingCard
      settingKey="workCalendar"
      value={value}
      version={version}
      toForm={toForm}
      fromForm={fromForm}
      toFieldName={toFieldName}
      describe={describeWorkCalendar}
    >
      {(tools) => <CalendarFields {...tools} />}
    </SettingCard>
  );
}
