import { ZSettingValues, type SettingKey } from '@reform/contracts';
import type { z } from 'zod';
import { zodIssuesToFields, type FieldIssue, type FieldPath } from '@/lib/zod-form';

/** The value of one setting, as its contract schema describes it. */
export type SettingValue<K extends SettingKey> = z.infer<(typeof ZSettingValues)[K]>;

/** Parses a value of `key` with its contract schema; null when it does not fit. */
export function parseSettingValue<K extends SettingKey>(key: K, value: unknown): SettingValue<K> | null {
  const result = (ZSettingValues[key] as z.ZodType).safeParse(value);
  return result.success ? (result.data as SettingValue<K>) : null;
}

export const nameKey = (name: FieldPath) => name.map(String).join('.');

/**
 * Validates the value a form produces with the setting's contract schema (the one the API uses),
 * reporting each issue on the form field that shows it.
 */
export function validateSetting<K extends SettingKey>(
  key: K,
  value: unknown,
  toFieldName: (path: FieldPath) => FieldPath = (path) => path,
): { data: SettingValue<K>; issues: [] } | { data: null; issues: FieldIssue[] } {
  const result = (ZSettingValues[key] as z.ZodType).safeParse(value);
  if (result.success) return { data: result.data as SettingValue<K>, issues: [] };
  return { data: null, issues: dedupe(zodIssuesToFields(result.error).map((issue) => ({ ...issue, name: toFieldName(issue.name) }))) };
}

function dedupe(issues: FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const id = nameKey(issue.name);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
