import { messages } from '@reform/contracts';
import type { FormInstance, FormRule } from 'antd';
import type { z } from 'zod';

export type FieldPath = (string | number)[];

export interface FieldIssue {
  name: FieldPath;
  message: string;
}

const key = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** A field's label by its path (indices included, e.g. ['milestones', 0, 'dueDate']). */
export type FieldLabels = (name: FieldPath) => string | undefined;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * A required field left empty, in the user's words: 请填写 for what is typed (a text, a year, a
 * count), 请选择 for what is picked (a unit, a date, a level) — never the validator's own text
 * such as "期望 数字，实际接收 undefined".
 */
export function emptyFieldMessage(issue: z.core.$ZodIssue, value: unknown, label: string | undefined): string {
  const leaf = String(issue.path.at(-1) ?? '');
  const typed =
    typeof value === 'string' || (issue.code === 'invalid_type' && issue.expected === 'number' && !/Ids?$/.test(leaf));
  return `${typed ? '请填写' : '请选择'}${label ?? '此项'}`;
}

/**
 * Zod issues as antd field errors: one message per field, the first zod reports. Given the input
 * that was parsed, an issue on an empty field says what to fill in (see `emptyFieldMessage`).
 */
export function zodIssuesToFields(error: z.ZodError, input?: unknown, labels: FieldLabels = () => undefined): FieldIssue[] {
  const seen = new Set<string>();
  const fields: FieldIssue[] = [];
  for (const issue of error.issues) {
    const name = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
    const id = key(name);
    if (seen.has(id)) continue;
    seen.add(id);
    const value = valueAt(input, issue.path);
    const label = labels(name);
    // A missing value gets the validator's type text, a blank one the generic 此项为必填项: both are
    // said as what to fill in. A rule's own message for a blank (请说明暂停理由（至少 4 个字）) stays.
    const generic = issue.code === 'invalid_type' || (issue.message === messages.required.zh && label !== undefined);
    const empty = input !== undefined && name.length > 0 && isEmpty(value) && generic;
    fields.push({ name, message: empty ? emptyFieldMessage(issue, value, label) : issue.message });
  }
  return fields;
}

/** A server path such as "measures.2" as an antd name path ['measures', 2]. */
export function pathToName(path: string): FieldPath {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Validates an antd form with a zod schema — the same one the API uses — so the form and the
 * server can never disagree on a rule or its message. `toInput` turns the form's values
 * (dayjs dates and so on) into the shape the schema parses; `labels` names the fields in the
 * messages for an empty required field (请选择牵头单位).
 */
export function createZodValidator<TValues, TSchema extends z.ZodType>(
  schema: TSchema,
  toInput: (values: TValues) => unknown,
  labels?: FieldLabels,
) {
  const validate = (values: TValues): { data: z.infer<TSchema>; issues: [] } | { data: null; issues: FieldIssue[] } => {
    const input = toInput(values);
    const result = schema.safeParse(input);
    return result.success ? { data: result.data, issues: [] } : { data: null, issues: zodIssuesToFields(result.error, input, labels) };
  };

  /** Checks one field: runs the whole schema, reports the first issue on this field's path. */
  const check = (form: FormInstance<TValues>, name: FieldPath) => async () => {
    const { issues } = validate(form.getFieldsValue(true) as TValues);
    const mine = issues.find((issue) => key(issue.name) === key(name));
    if (mine) throw new Error(mine.message);
  };

  /** The same check as an antd rule. */
  const rule = (form: FormInstance<TValues>, name: FieldPath): FormRule => ({ validator: check(form, name) });

  return { validate, check, rule };
}

/** Shows zod or server issues on the matching fields of any antd form. */
export function showFieldErrors(form: FormInstance, issues: readonly FieldIssue[]): void {
  form.setFields(issues.map((issue) => ({ name: issue.name, errors: [issue.message] })));
}

