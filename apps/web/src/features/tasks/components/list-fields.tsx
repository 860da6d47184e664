import { pilotFieldLabels, taskEditableFieldLabels, type TaskList } from '@reform/contracts';
import { Col, DatePicker, Form, Input, Row, Select, TreeSelect, type FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import type { UnitTreeOption } from '@/lib/units';
import type { FieldPath } from '@/lib/zod-form';
import { levelOptions } from '../lib/level-options';
import { unusualTerm } from '../lib/pilot-values';

const DATE = 'YYYY-MM-DD';

interface FieldsProps {
  /** The form's zod rule for a field path, so both forms check exactly what the API checks. */
  rule: (name: FieldPath) => FormRule[];
  loading?: boolean;
}

interface ListOwnFieldsProps extends FieldsProps {
  list: Exclude<TaskList, 'pilot'>;
  /** The organisation tree, for 首创单位. */
  unitTree: UnitTreeOption[];
  disabled?: (name: 'issuingLevel' | 'originatingUnitId') => boolean;
}

/** A mandate's 下达层级 or an innovation's 首创单位, as columns of the form's row. */
export function ListOwnFields({ list, rule, unitTree, loading = false, disabled = () => false }: ListOwnFieldsProps) {
  const label = taskEditableFieldLabels;
  if (list === 'mandate') {
    return (
      <Col xs={12} md={6}>
        <Form.Item name="issuingLevel" label={label.issuingLevel} rules={rule(['issuingLevel'])} data-testid="field-issuing-level">
          <Select aria-label={label.issuingLevel} disabled={disabled('issuingLevel')} options={levelOptions} allowClear />
        </Form.Item>
      </Col>
    );
  }
  return (
    <Col xs={24} md={12}>
      <Form.Item name="originatingUnitId" label={label.originatingUnitId} rules={rule(['originatingUnitId'])}>
        <TreeSelect
          aria-label={label.originatingUnitId}
          disabled={disabled('originatingUnitId')}
          treeData={unitTree}
          showSearch={{ treeNodeFilterProp: 'title' }}
          allowClear
          loading={loading}
          popupMatchSelectWidth={false}
          placeholder="提出这项创新的单位"
        />
      </Form.Item>
    </Col>
  );
}

interface PilotFieldsProps extends FieldsProps {
  /** Counties, districts and zones (县市区、开发区): the units that apply for pilots. */
  counties: UnitTreeOption[];
  disabled?: boolean;
}

/** 试点信息: a pilot's own fields, in the create form and the edit form alike. */
export function PilotFields({ rule, counties, loading = false, disabled = false }: PilotFieldsProps) {
  const form = Form.useFormInstance();
  const termStart = Form.useWatch(['pilot', 'termStart'], form) as Dayjs | null | undefined;
  const termEnd = Form.useWatch(['pilot', 'termEnd'], form) as Dayjs | null | undefined;
  const termHint = termStart && termEnd && termEnd >= termStart && unusualTerm(termStart, termEnd) ? '试点期限一般为两年' : undefined;
  const label = (name: keyof typeof pilotFieldLabels) => ({ name: ['pilot', name], label: pilotFieldLabels[name] });
  return (
    <Row gutter={16} data-testid="pilot-fields">
      <Col xs={12} md={6}>
        <Form.Item {...label('batch')} rules={rule(['pilot', 'batch'])} required>
          <Input disabled={disabled} maxLength={50} placeholder="如：2026年第一批" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item {...label('approvingLevel')}>
          <Select aria-label={pilotFieldLabels.approvingLevel} disabled={disabled} options={levelOptions} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item {...label('applyingCountyId')} rules={rule(['pilot', 'applyingCountyId'])}>
          <TreeSelect
            aria-label={pilotFieldLabels.applyingCountyId}
            disabled={disabled}
            treeData={counties}
            showSearch={{ treeNodeFilterProp: 'title' }}
            allowClear
            loading={loading}
            placeholder="市级试点可不填"
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item {...label('guidingUnit')} rules={rule(['pilot', 'guidingUnit'])}>
          <Input disabled={disabled} maxLength={100} placeholder="如：省委改革办" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item {...label('termStart')} rules={rule(['pilot', 'termStart'])}>
          <DatePicker aria-label={pilotFieldLabels.termStart} disabled={disabled} format={DATE} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item {...label('termEnd')} rules={rule(['pilot', 'termEnd'])} dependencies={[['pilot', 'termStart']]} extra={termHint}>
          <DatePicker aria-label={pilotFieldLabels.termEnd} disabled={disabled} format={DATE} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </Row>
  );
}
