import { App, type FormInstance } from 'antd';
import { useSubmit, type SubmitOptions } from '@/lib/use-submit';
import { useReloadOnConflict } from '../api/timetable';

interface TaskSubmitOptions extends Pick<SubmitOptions, 'toFieldName' | 'describe'> {
  /** What the user is told when someone changed the task first. */
  conflictMessage?: string;
}

/**
 * The submit hook for a dialog acting on a task (a status change, a pilot's extension, a
 * milestone's completion, the timetable's rows, its 审定): when someone changed the task first
 * (409) it loads their version and closes, so the office acts again on the latest.
 */
export function useTaskSubmit(
  taskId: number,
  form: FormInstance,
  onClose: () => void,
  { conflictMessage = '任务已被他人修改，已载入最新版本，请核对后重新操作', ...options }: TaskSubmitOptions = {},
) {
  const { message } = App.useApp();
  const reload = useReloadOnConflict(taskId);
  return useSubmit({
    form,
    ...options,
    onConflict: (error) => {
      reload(error);
      message.warning(conflictMessage);
      onClose();
    },
  });
}
