import { FilterOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { LightEnum, TaskListEnum, TaskStatusEnum, type TTaskListQuery } from '@reform/contracts';
import { Badge, Button, Col, Grid, Input, Row, Segmented, Select, TreeSelect } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { lightColors } from '@/components/light-indicator';
import { toTreeOptions, useUnits } from '@/lib/units';
import { useTaskFacets } from '../api/get-task-facets';
import type { ListPatch } from '../lib/list-search';
import { enumOptions } from '@/lib/enum-options';

const ALL = 'all';
/** The lists' full names do not fit a phone's width side by side. */
const shortListLabels = { mandate: '重大改革', pilot: '改革试点', innovation: '地方创新' } as const;
const SEARCH_DELAY_MS = 350;

interface TaskFiltersProps {
  query: TTaskListQuery;
  onChange: (patch: ListPatch, options?: { replace?: boolean }) => void;
  onReset: () => void;
}

function useDebouncedKeyword(urlValue: string | undefined, commit: (value: string | undefined) => void) {
  const [text, setText] = useState(urlValue ?? '');
  const [shownUrlValue, setShownUrlValue] = useState(urlValue);
  // The URL changed (reset, back button, our own commit): show it unless the box already says so.
  if (urlValue !== shownUrlValue) {
    setShownUrlValue(urlValue);
    if ((text.trim() || undefined) !== urlValue) setText(urlValue ?? '');
  }

  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  });

  useEffect(() => {
    const next = text.trim() || undefined;
    if (next === urlValue) return;
    const timer = setTimeout(() => commitRef.current(next), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, urlValue]);

  return [text, setText] as const;
}

export function TaskFilters({ query, onChange, onReset }: TaskFiltersProps) {
  const units = useUnits();
  const facets = useTaskFacets();
  const unitOptions = useMemo(() => toTreeOptions(units.data ?? []), [units.data]);
  const narrow = Grid.useBreakpoint().sm === false;
  const [moreOpen, setMoreOpen] = useState(false);
  const [keyword, setKeyword] = useDebouncedKeyword(query.q, (q) => onChange({ q }, { replace: true }));

  const activeSelects = (['light', 'status', 'unitId', 'field', 'year'] as const).filter((key) => query[key] !== undefined).length;
  const selects = (
    <>
        <Col xs={24} sm={12} lg={6} xl={4}>
          <Select
            aria-label="状态灯"
            placeholder="状态灯"
            allowClear
            style={{ width: '100%' }}
            value={query.light}
            onChange={(light) => onChange({ light })}
            options={LightEnum.values.map((value) => ({
              value,
              label: (
                <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
                  <span aria-hidden style={{ width: 10, height: 10, borderRadius: '50%', background: lightColors[value] }} />
                  {LightEnum.labels[value]}
                </span>
              ),
            }))}
          />
        </Col>
        <Col xs={24} sm={12} lg={6} xl={4}>
          <Select
            aria-label="状态"
            placeholder="状态"
            allowClear
            style={{ width: '100%' }}
            value={query.status}
            onChange={(status) => onChange({ status })}
            options={enumOptions(TaskStatusEnum)}
          />
        </Col>
        <Col xs={24} sm={12} lg={6} xl={5}>
          <TreeSelect
            aria-label="牵头单位"
            placeholder="牵头单位"
            allowClear
            showSearch={{ treeNodeFilterProp: 'title' }}
            style={{ width: '100%' }}
            value={query.unitId}
            onChange={(unitId: number | undefined) => onChange({ unitId })}
            treeData={unitOptions}
            treeDefaultExpandAll={false}
            loading={units.isPending}
            popupMatchSelectWidth={false}
          />
        </Col>
        <Col xs={12} sm={6} lg={3} xl={3}>
          <Select
            aria-label="领域"
            placeholder="领域"
            allowClear
            showSearch
            style={{ width: '100%' }}
            value={query.field}
            onChange={(field) => onChange({ field })}
            loading={facets.isPending}
            options={(facets.data?.fields ?? []).map((value) => ({ value, label: value }))}
            popupMatchSelectWidth={false}
          />
        </Col>
        <Col xs={12} sm={6} lg={3} xl={2}>
          <Select
            aria-label="年度"
            placeholder="年度"
            allowClear
            style={{ width: '100%' }}
            value={query.year}
            onChange={(year) => onChange({ year })}
            loading={facets.isPending}
            options={(facets.data?.years ?? []).map((value) => ({ value, label: `${value}年` }))}
          />
        </Col>
    </>
  );

  return (
    <div data-testid="task-filters">
      <Segmented
        aria-label="清单"
        value={query.list ?? ALL}
        onChange={(value) => onChange({ list: value === ALL ? undefined : (value as TTaskListQuery['list']) })}
        options={[
          { label: '全部', value: ALL },
          ...TaskListEnum.values.map((value) => ({
            label: narrow ? shortListLabels[value] : TaskListEnum.labels[value],
            value,
          })),
        ]}
        block={narrow}
        style={{ marginBottom: narrow ? 12 : 16 }}
      />
      <Row gutter={[12, 12]}>
        {!narrow && selects}
        <Col flex="1 1 0" xl={4} style={{ minWidth: 0 }}>
          <Input
            aria-label="关键词"
            placeholder="搜索编号或内容"
            title="在编号、任务名称、任务书、季度进展和评论中查找；多个词用空格分开，须全部出现"
            prefix={<SearchOutlined />}
            allowClear
            value={keyword}
            onChange={(event) => setKeyword(event.target.value)}
            maxLength={100}
          />
        </Col>
        {narrow && (
          <Col flex="none">
            <Badge count={activeSelects} size="small">
              <Button icon={<FilterOutlined />} aria-expanded={moreOpen} onClick={() => setMoreOpen((open) => !open)}>
                筛选
              </Button>
            </Badge>
          </Col>
        )}
        <Col flex="none" xl={2}>
          {narrow ? (
            <Button icon={<ReloadOutlined />} onClick={onReset} aria-label="重置" />
          ) : (
            <Button icon={<ReloadOutlined />} onClick={onReset} block>
              重置
            </Button>
          )}
        </Col>
        {narrow && moreOpen && selects}
      </Row>
    </div>
  );
}
