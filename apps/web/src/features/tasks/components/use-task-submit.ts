import { App, type FormInstance } from 'antd';
import type { z } from 'zod';
import { isApiError } from '@/lib/api-client';
import { pathToName, showFieldErrors, zodIssuesToFields } from '@/lib/zod-form';
import { useReloadOnConflict } from '../api/timetable';

interface TaskActionOptions {
  /** The dialog's form, where the contract's and the server's messages are shown. */
  form: FormInstance;
  /** Fields of the form; the server's messages on other paths are shown above it. */
  fields: readonly string[];
  setError: (error: string | null) => void;
  /** Closes the dialog: after the action, or after loading the latest version on a 409. */
  onDone: () => void;
}

/**
 * Confirms an action on a task from its dialog (a status change, a pilot's extension): checks the
 * body with the contract's schema, sends it, and on a refusal shows the server's messages; when
 * someone saved the task first (409) loads their version and closes, so the office acts on the latest.
 */
export function useTaskAction(taskId: number, { form, fields, setError, onDone }: TaskActionOptions) {
  const { message } = App.useApp();
  const reload = useReloadOnConflict(taskId);
  return async <TBody>(schema: z.ZodType, body: TBody, send: (body: TBody) => Promise<unknown>, done: string) => {
    setError(null);
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      showFieldErrors(form, zodIssuesToFields(parsed.error));
      return;
    }
    try {
      await send(body);
      message.success(done);
      onDone();
    } catch (caught) {
      if (isApiError(caught, 409)) {
        reload(caught);
        message.warning('任务已被他人修改，已载入最新版本，请核对后重新操作');
        onDone();
      } else if (isApiError(caught, 400) && caught.body.fields?.length) {
        const onForm = caught.body.fields.filter((f) => fields.includes(f.path));
        showFieldErrors(form, onForm.map((f) => ({ name: pathToName(f.path), message: f.message })));
        const others = caught.body.fields.filter((f) => !fields.includes(f.path)).map((f) => f.message);
        if (others.length > 0) setError(others.join('；'));
      } else setError(caught instanceof Error ? caught.message : '操作失败，请重试');
    }
  };
}
