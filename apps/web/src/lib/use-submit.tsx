import { Alert, type FormInstance } from 'antd';
import { useState, type CSSProperties } from 'react';
import type { z } from 'zod';
import { isApiError, type ApiError } from './api-client';
import { pathToName, showFieldErrors, zodIssuesToFields, type FieldIssue, type FieldLabels, type FieldPath } from './zod-form';

export interface SubmitOptions {
  /** The form whose fields show the messages. */
  form: FormInstance;
  /**
   * Where a path of the body is shown in this form (e.g. a proposal's `milestones.0.dueDate` on
   * the row's date picker); null or a path the form has no field for puts it in the form's message.
   */
  toFieldName?: (path: FieldPath) => FieldPath | null;
  /** 409, someone saved first: open the conflict dialog or load their version. Without it the server's message is shown. */
  onConflict?: (error: ApiError) => void | Promise<void>;
  /** A refusal that carries no field errors, in words for this form (an upload's 413 or 415); default the server's message. */
  describe?: (error: ApiError) => string | undefined;
  /** The fields' labels, for the message of an empty required field (请选择牵头单位). */
  labels?: FieldLabels;
}

const key = (name: FieldPath) => name.map(String).join('.');

/**
 * The one way a form or dialog submits: the contract's schema checks the body first, then the
 * request runs; a 400's field errors go onto the fields they name, a 409 to `onConflict`, and
 * anything else becomes one message above the form (`errorAlert`). The message names only what
 * no field shows, so it never says "see the marked fields" when none is marked.
 */
export function useSubmit({ form, toFieldName = (path) => path, onConflict, describe, labels }: SubmitOptions) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  /** Puts each issue on its field when the form has one; the rest (and `lead`, if any field was marked) go in the message. */
  const showIssues = (issues: readonly FieldIssue[], lead?: string) => {
    const registered = new Set(form.getFieldsError().map((field) => key(field.name)));
    const onFields: FieldIssue[] = [];
    const elsewhere: string[] = [];
    for (const issue of issues) {
      const name = toFieldName(issue.name);
      if (name && registered.has(key(name))) onFields.push({ name, message: issue.message });
      else elsewhere.push(issue.message);
    }
    showFieldErrors(form, onFields);
    const text = [...new Set([...(onFields.length > 0 && lead ? [lead] : []), ...elsewhere])].join('；');
    setError(text || null);
    const first = onFields[0];
    if (first) form.scrollToField(first.name, { block: 'center' });
  };

  /** The body as the schema parses it, or null after showing why not. */
  const check = <S extends z.ZodType>(schema: S, body: unknown): z.output<S> | null => {
    setError(null);
    const result = schema.safeParse(body);
    if (result.success) return result.data;
    showIssues(zodIssuesToFields(result.error, body, labels));
    return null;
  };

  const fail = async (caught: unknown) => {
    if (isApiError(caught, 409) && onConflict) await onConflict(caught);
    else if (isApiError(caught, 400) && caught.body.fields?.length) {
      showIssues(
        caught.body.fields.map((field) => ({ name: pathToName(field.path), message: field.message })),
        caught.message,
      );
    } else if (isApiError(caught)) setError(describe?.(caught) ?? caught.message);
    else setError(caught instanceof Error && caught.message ? caught.message : '操作失败，请重试');
  };

  /** Sends, then `done` with the answer; a refusal is shown as above and `done` is not called. */
  const submit = async <T,>(send: () => Promise<T>, done: (result: T) => void | Promise<void>): Promise<void> => {
    setError(null);
    setPending(true);
    try {
      const result = await send();
      await done(result);
    } catch (caught) {
      await fail(caught);
    } finally {
      setPending(false);
    }
  };

  const errorAlert = (style: CSSProperties = { marginBottom: 16 }) =>
    error ? <Alert type="error" showIcon title={error} role="alert" style={style} /> : null;

  return { check, submit, showIssues, error, setError, errorAlert, pending };
}
