import { Form, type FormProps } from 'antd';
import type { ReactNode } from 'react';

/** In entry forms Enter confirms a date or a tag; saving is only ever the 保存 button. */
export function keepEnterFromSubmitting(event: { key: string; target: EventTarget; preventDefault(): void }): void {
  if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
}

/**
 * The house form for entering data (pages and dialogs alike): labels above fields, the first
 * error scrolled into view, Enter in a text field never submits. Rules come from the contract's
 * zod schema (`lib/zod-form.ts`) and the submit goes through `useSubmit`.
 */
export function EntryForm<Values = unknown>(props: Omit<FormProps<Values>, 'children'> & { children?: ReactNode }) {
  return <Form<Values> layout="vertical" scrollToFirstError onKeyDown={keepEnterFromSubmitting} {...props} />;
}
