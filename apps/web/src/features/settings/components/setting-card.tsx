import { ZSetting, ZSettingValues, settingLabels, type SettingKey } from '@reform/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Tag, Typography, type FormInstance, type FormRule } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { z } from 'zod';
import type { ApiError } from '@/lib/api-client';
import { useSubmit } from '@/lib/use-submit';
import { type FieldPath } from '@/lib/zod-form';
import { getSettingsQueryOptions } from '../api/get-settings';
import { storeSetting, useUpdateSetting } from '../api/update-setting';
import { nameKey, parseSettingValue, validateSetting, type SettingValue } from '../lib/setting-values';
import { SettingConflictModal, type SettingConflict } from './setting-conflict-modal';
import { EntryForm } from '@/lib/entry-form';

export interface SettingCardTools<F> {
  form: FormInstance<F>;
  /** The contract schema's check of one field, as antd rules; `required` adds a plain "fill this in" first. */
  rules: (name: FieldPath, required?: string) => FormRule[];
}

export interface SettingCardProps<K extends SettingKey, F extends object> {
  settingKey: K;
  value: SettingValue<K>;
  /** 0 when the setting was never saved: the value is then the default. */
  version: number;
  /** The form's values for a setting value, and back. */
  toForm: (value: SettingValue<K>) => F;
  fromForm: (values: F) => unknown;
  /** The form field that shows an issue at `path` (relative to the value); [] for the form as a whole. */
  toFieldName?: (path: FieldPath) => FieldPath;
  /** The value in words, for the conflict dialog. */
  describe: (value: SettingValue<K>) => ReactNode;
  children: (tools: SettingCardTools<F>) => ReactNode;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * One setting as a card with its own form and its own 保存: validated with the setting's contract
 * schema, server field errors shown on the fields, and a dialog when someone else saved first.
 */
export function SettingCard<K extends SettingKey, F extends object>({
  settingKey,
  value,
  version,
  toForm,
  fromForm,
  toFieldName = (path) => path,
  describe,
  children,
}: SettingCardProps<K, F>) {
  const label = settingLabels[settingKey];
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<F>();
  const update = useUpdateSetting(settingKey);
  // The saved setting this form edits: as loaded, as saved here, or the other person's after a conflict.
  const [base, setBase] = useState({ value, version });
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState<SettingConflict<SettingValue<K>> | null>(null);
  // The value last sent, shown as mine if someone saved first.
  const sent = useRef<SettingValue<K> | null>(null);
  const { check, submit, setError, errorAlert, pending } = useSubmit({
    form: form as FormInstance,
    // The body is { version, value }: a path inside the value is shown on the field that holds it.
    toFieldName: ([head, ...rest]) => (head === 'value' && rest.length > 0 ? toFieldName(rest) : null),
    onConflict: (error) => handleConflict(error, sent.current),
  });
  const [initialValues] = useState(() => toForm(value));

  const currentValue = () => fromForm(form.getFieldsValue(true) as F);
  const refreshDirty = () => setDirty(!same(currentValue(), fromForm(toForm(base.value))));

  const rules = (name: FieldPath, required?: string): FormRule[] => [
    ...(required ? [{ required: true, message: required }] : []),
    {
      validator: async () => {
        const { issues } = validateSetting(settingKey, currentValue(), toFieldName);
        const mine = issues.find((issue) => nameKey(issue.name) === nameKey(name));
        if (mine) throw new Error(mine.message);
      },
    },
  ];

  const load = (next: SettingValue<K>, nextVersion: number) => {
    form.resetFields();
    form.setFieldsValue(toForm(next) as Parameters<typeof form.setFieldsValue>[0]);
    setBase({ value: next, version: nextVersion });
    setDirty(false);
    setError(null);
  };

  const handleConflict = async (error: ApiError, mine: SettingValue<K> | null) => {
    const current = ZSetting.safeParse(error.body.current);
    let theirs = current.success ? { value: parseSettingValue(settingKey, current.data.value), version: current.data.version } : null;
    if (!theirs?.value) {
      // The answer did not carry a usable value: read the settings again.
      const list = await queryClient.fetchQuery({ ...getSettingsQueryOptions(), staleTime: 0 });
      const entry = list.find((setting) => setting.key === settingKey);
      theirs = entry ? { value: parseSettingValue(settingKey, entry.value), version: entry.version } : null;
    }
    if (!theirs?.value) {
      setError(error.message);
      return;
    }
    setConflict({ value: theirs.value, version: theirs.version, mine });
  };

  const save = async () => {
    const data = check(z.object({ value: ZSettingValues[settingKey] as unknown as z.ZodType<SettingValue<K>> }), { value: currentValue() })?.value;
    if (data === undefined) return;
    if (base.version > 0 && same(data, fromForm(toForm(base.value)))) {
      message.info('没有要保存的修改');
      return;
    }
    sent.current = data;
    await submit(
      () => update.mutateAsync({ version: base.version, value: data }),
      (saved) => {
        load(parseSettingValue(settingKey, saved.value) ?? data, saved.version);
        message.success('已保存');
      },
    );
  };

  const loadLatest = () => {
    if (!conflict) return;
    storeSetting(queryClient, { key: settingKey, value: conflict.value, version: conflict.version });
    load(conflict.value, conflict.version);
    setConflict(null);
    message.info(`已载入最新设置（第 ${conflict.version} 版）`);
  };

  const keepMine = () => {
    if (!conflict) return;
    storeSetting(queryClient, { key: settingKey, value: conflict.value, version: conflict.version });
    setBase({ value: conflict.value, version: conflict.version });
    setDirty(true);
    setConflict(null);
    message.info('已保留您的修改，再次保存将覆盖对方的设置');
  };

  return (
    <Card
      title={label}
      data-testid={`setting-${settingKey}`}
      extra={
        <Flex gap={8} align="center">
          {dirty && (
            <Tag color="orange" style={{ marginInlineEnd: 0 }}>
              未保存
            </Tag>
          )}
          {base.version === 0 ? (
            <Tag style={{ marginInlineEnd: 0 }}>默认值</Tag>
          ) : (
            <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid={`setting-${settingKey}-version`}>
              第 {base.version} 版
            </Typography.Text>
          )}
        </Flex>
      }
    >
      <EntryForm<F>
        form={form}
        initialValues={initialValues}
        onFinish={save}
        onValuesChange={refreshDirty}
        name={settingKey}
        aria-label={label}
      >
        {errorAlert()}
        {children({ form, rules })}
        <Flex gap={8} justify="flex-end" style={{ borderTop: '1px solid #f0f0f0', paddingTop: 16, marginTop: 8 }}>
          <Button disabled={!dirty || pending} onClick={() => load(base.value, base.version)}>
            撤销修改
          </Button>
          <Button type="primary" htmlType="submit" loading={pending} data-testid={`save-${settingKey}`}>
            保存
          </Button>
        </Flex>
      </EntryForm>
      <SettingConflictModal label={label} conflict={conflict} describe={describe} onLoadLatest={loadLatest} onKeepMine={keepMine} />
    </Card>
  );
}
