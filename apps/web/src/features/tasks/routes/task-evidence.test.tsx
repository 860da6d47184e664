import type { TTaskDetail } from '@reform/contracts';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { adminUser, readOnly, taskDetail, units } from '@/testing/fixtures';
import { mockApi, renderRoutes } from '@/testing/render';
import { TaskRoute } from './task';

type Call = { path: string; body: unknown };

function setup(uploadStatus: 201 | 415) {
  const task: TTaskDetail = taskDetail({ id: 7, permissions: { ...readOnly, canEdit: true, canReportProgress: true } });
  const undone = task.milestones.find((m) => m.doneDate === null)!;
  const calls: Call[] = [];
  mockApi(({ url, method, body }) => {
    if (url.pathname === '/api/auth/me') return { body: adminUser };
    if (url.pathname === '/api/units') return { body: units };
    if (url.pathname === `/api/tasks/${task.id}`) return { body: task };
    if (url.pathname === `/api/tasks/${task.id}/adjustments`) return { body: [] };
    if (url.pathname === `/api/tasks/${task.id}/comments`) return { body: [] };
    if (url.pathname === `/api/tasks/${task.id}/history`) return { body: [] };
    if (url.pathname === `/api/tasks/${task.id}/evidence` && method === 'GET') return { body: [] };
    if (url.pathname === `/api/tasks/${task.id}/evidence` && method === 'POST') {
      calls.push({ path: url.pathname, body });
      return uploadStatus === 201
        ? {
            status: 201,
            body: { id: 1, taskId: 7, milestoneId: undone.id, originalName: '印发稿.pdf', mimeType: 'application/pdf', size: 9, uploadedBy: '张联络（市科技局）', createdAt: '2026-11-20T02:00:00.000Z' },
          }
        : { status: 415, body: { statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的文件类型，请上传文档或图片', requestId: 'r' } };
    }
    if (url.pathname === `/api/tasks/${task.id}/milestones/${undone.id}/complete`) {
      calls.push({ path: url.pathname, body });
      return { body: task };
    }
    return undefined;
  });
  renderRoutes([{ path: '/tasks/:id', element: <TaskRoute /> }], `/tasks/${task.id}`);
  return { calls, undone };
}

async function completeWithFile() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: /^标记完成：/ }));
  const input = document.querySelector<HTMLInputElement>('.ant-modal input[type=file]')!;
  await user.upload(input, new File(['%PDF-1.4'], '印发稿.pdf', { type: 'application/pdf' }));
  expect(await screen.findByText('印发稿.pdf')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '确认完成' }));
}

describe('completing a milestone with evidence', () => {
  it('uploads the files for that milestone first, then marks it done', async () => {
    const { calls, undone } = setup(201);
    await completeWithFile();
    await waitFor(() => expect(calls).toHaveLength(2));
    const form = calls[0]!.body as FormData;
    expect(form.get('milestoneId')).toBe(String(undone.id));
    expect((form.get('file') as File).name).toBe('印发稿.pdf');
    expect(calls[1]!.path).toBe(`/api/tasks/7/milestones/${undone.id}/complete`);
  });

  it('does not mark the milestone done when a file is refused, and says why', async () => {
    const { calls } = setup(415);
    await completeWithFile();
    expect(await screen.findByRole('alert')).toHaveTextContent('佐证材料未能上传：不支持的文件类型，请上传文档或图片。节点尚未标记完成。');
    expect(calls.map((c) => c.path)).toEqual(['/api/tasks/7/evidence']);
  });
});
