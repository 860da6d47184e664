import type { FormInstance, FormRule } from 'antd';
import type { z } from 'zod';

export type FieldPath = (string | number)[];

export interface FieldIssue {
  name: FieldPath;
  message: string;
}

const key = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** Zod issues as antd field errors: one message per field, the first zod reports. */
export function zodIssuesToFields(error: z.ZodError): FieldIssue[] {
  const seen = new Set<string>();
  const fields: FieldIssue[] = [];
  for (const issue of error.issues) {
    const name = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
    const id = key(name);
    if (seen.has(id)) continue;
    seen.add(id);
    fields.push({ name, message: issue.message });
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
 * (dayjs dates and so on) into the shape the schema parses.
 */
export function createZodValidator<TValues, TSchema extends z.ZodType>(
  schema: TSchema,
  toInput: (values: TValues) => unknown,
) {
  const validate = (values: TValues): { data: z.infer<TSchema>; issues: [] } | { data: null; issues: FieldIssue[] } => {
    const result = schema.safeParse(toInput(values));
    return result.success ? { data: result.data, issues: [] } : { data: null, issues: zodIssuesToFields(result.error) };
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

/** In long forms Enter confirms a date or a tag; saving is only ever the 保存 button. */
export function keepEnterFromSubmitting(event: { key: string; target: EventTarget; preventDefault(): void }): void {
  if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
}
