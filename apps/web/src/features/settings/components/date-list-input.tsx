import { PlusOutlined } from '@ant-design/icons';
import { App, DatePicker, Empty, Flex, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

const DATE = 'YYYY-MM-DD';

interface DateListInputProps {
  id?: string;
  value?: string[];
  onChange?: (dates: string[]) => void;
  /** What one entry is called, for the picker and the messages: 法定节假日. */
  noun: string;
  /** The dates of the other list, which may not hold the same day. */
  otherDates?: readonly string[];
  otherNoun?: string;
  /** A line beside the picker on what the dates mean. */
  help?: string;
}

/** Groups sorted YYYY-MM-DD dates by year, newest year first. */
export function groupByYear(dates: readonly string[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const date of [...dates].sort()) {
    const year = date.slice(0, 4);
    groups.set(year, [...(groups.get(year) ?? []), date]);
  }
  return [...groups.entries()].sort(([a], [b]) => b.localeCompare(a));
}

export const shortDate = (date: string) => {
  const day = dayjs(date, DATE, true);
  return day.isValid() ? day.format('M月D日 ddd') : date;
};

/** A list of dates: a date picker adds one, each date is a tag that can be removed; grouped by year. */
export function DateListInput({ id, value = [], onChange, noun, otherDates = [], otherNoun, help }: DateListInputProps) {
  const { message } = App.useApp();
  const chosen = new Set(value);

  const addDate = (day: Dayjs | null) => {
    if (!day) return;
    const date = day.format(DATE);
    if (chosen.has(date)) {
      message.info(`${shortDate(date)}已在${noun}中`);
      return;
    }
    if (otherDates.includes(date)) {
      message.warning(`${shortDate(date)}已设为${otherNoun ?? '另一类日期'}，请先从那里移除`);
      return;
    }
    onChange?.([...value, date].sort());
  };

  const groups = groupByYear(value);
  return (
    <Flex vertical gap={12} id={id}>
      <Flex gap={12} align="center" wrap>
        <DatePicker
          value={null}
          onChange={addDate}
          placeholder={`添加${noun}`}
          aria-label={`添加${noun}`}
          prefix={<PlusOutlined />}
          style={{ width: 200 }}
          disabledDate={(day) => chosen.has(day.format(DATE))}
          cellRender={(current, info) => {
            if (info.type !== 'date' || typeof current === 'number' || typeof current === 'string') return info.originNode;
            const date = current.format(DATE);
            if (!otherDates.includes(date)) return info.originNode;
            return (
              <div className="ant-picker-cell-inner" title={`已设为${otherNoun ?? ''}`} style={{ textDecoration: 'line-through', opacity: 0.5 }}>
                {current.date()}
              </div>
            );
          }}
        />
        {help && (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {help}
          </Typography.Text>
        )}
      </Flex>
      {groups.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`尚未设置${noun}`} style={{ margin: 0 }} />
      ) : (
        groups.map(([year, dates]) => (
          <div key={year} data-testid={`dates-${year}`}>
            <Typography.Text strong>{year} 年</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 13 }}>
              {dates.length} 天
            </Typography.Text>
            <Flex wrap gap={6} style={{ marginTop: 6 }}>
              {dates.map((date) => (
                <Tag
                  key={date}
                  closable={{ 'aria-label': `移除 ${date}` }}
                  onClose={(event) => {
                    event.preventDefault();
                    onChange?.(value.filter((other) => other !== date));
                  }}
                  style={{ marginInlineEnd: 0 }}
                >
                  {shortDate(date)}
                </Tag>
              ))}
            </Flex>
          </div>
        ))
      )}
    </Flex>
  );
}
