import { settingKeys, settingLabels, type SettingKey, type TSetting } from '@reform/contracts';
import { Alert, Card, Col, Empty, Flex, Result, Row, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ErrorState } from '@/components/error-state';
import { useCan } from '@/lib/auth';
import { usePageTitle } from '@/lib/use-page-title';
import { useSettings } from '../api/get-settings';
import { LightsCard, ReportsCard } from '../components/day-count-cards';
import { PhaseTemplatesCard } from '../components/phase-templates-card';
import { RankingFormulaCard } from '../components/ranking-formula-card';
import { TaskCodeCard } from '../components/task-code-card';
import { WorkCalendarCard } from '../components/work-calendar-card';
import { parseSettingValue, type SettingValue } from '../lib/setting-values';

/** Where each card sits: the two day counts stacked beside the task code, the long ones across the page. */
const columns: { span: { xs: number; xl: number }; keys: SettingKey[] }[] = [
  { span: { xs: 24, xl: 11 }, keys: ['lights', 'reports'] },
  { span: { xs: 24, xl: 13 }, keys: ['taskCode'] },
  { span: { xs: 24, xl: 24 }, keys: ['phaseTemplates'] },
  { span: { xs: 24, xl: 24 }, keys: ['workCalendar'] },
  { span: { xs: 24, xl: 24 }, keys: ['rankingFormula'] },
];
const tall = (key: SettingKey) => key === 'phaseTemplates' || key === 'workCalendar';

type CardComponent<K extends SettingKey> = (props: { value: SettingValue<K>; version: number }) => ReactNode;

const cards: { [K in SettingKey]: CardComponent<K> } = {
  lights: LightsCard,
  reports: ReportsCard,
  taskCode: TaskCodeCard,
  phaseTemplates: PhaseTemplatesCard,
  workCalendar: WorkCalendarCard,
  rankingFormula: RankingFormulaCard,
};

function SettingCardFor<K extends SettingKey>({ settingKey, setting }: { settingKey: K; setting: TSetting }) {
  const value = parseSettingValue(settingKey, setting.value);
  if (value === null) {
    return (
      <Card title={settingLabels[settingKey]}>
        <Alert type="warning" showIcon title="当前保存的设置无法识别" description="该设置的内容不符合要求，请联系系统管理员检查。" />
      </Card>
    );
  }
  const Component = cards[settingKey] as CardComponent<K>;
  return <Component value={value} version={setting.version} />;
}

function Page({ children }: { children: ReactNode }) {
  return (
    <>
      <Typography.Title level={4} style={{ margin: '0 0 4px' }}>
        系统设置
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
        市委改革办维护的全局规则。每项设置单独保存，保存后立即生效。
      </Typography.Paragraph>
      {children}
    </>
  );
}

/** 系统设置: the reform office's settings, one card and one 保存 per setting. */
export function SettingsRoute() {
  usePageTitle('系统设置');
  const isAdmin = useCan('settings:manage');
  const settings = useSettings({ enabled: isAdmin });

  if (!isAdmin) {
    return (
      <Card>
        <Result status="403" title="您无权访问系统设置" subTitle="系统设置由市委改革办维护。" data-testid="settings-forbidden" />
      </Card>
    );
  }

  if (settings.isPending) {
    return (
      <Page>
        <Row gutter={[16, 16]} data-testid="settings-loading">
          {columns.map((column) => (
            <Col key={column.keys.join()} {...column.span}>
              <Flex vertical gap={16}>
                {column.keys.map((key) => (
                  <Card key={key} title={settingLabels[key]}>
                    <Skeleton active paragraph={{ rows: tall(key) ? 6 : 3 }} />
                  </Card>
                ))}
              </Flex>
            </Col>
          ))}
        </Row>
      </Page>
    );
  }
  if (settings.isError) {
    return (
      <Page>
        <Card>
          <ErrorState error={settings.error} onRetry={() => settings.refetch()} title="系统设置加载失败" />
        </Card>
      </Page>
    );
  }

  const find = (key: SettingKey) => settings.data.find((one) => one.key === key);
  const known = settingKeys.filter((key) => find(key) !== undefined);
  return (
    <Page>
      {known.length === 0 ? (
        <Card>
          <Empty description="暂无可配置的设置" />
        </Card>
      ) : (
        <Row gutter={[16, 16]} align="top">
          {columns.map((column) => {
            const here = column.keys.filter((key) => known.includes(key));
            if (here.length === 0) return null;
            return (
              <Col key={column.keys.join()} {...column.span}>
                <Flex vertical gap={16}>
                  {here.map((key) => (
                    <SettingCardFor key={key} settingKey={key} setting={find(key)!} />
                  ))}
                </Flex>
              </Col>
            );
          })}
        </Row>
      )}
    </Page>
  );
}
