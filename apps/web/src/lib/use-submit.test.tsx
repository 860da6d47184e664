import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Form, Input } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { renderRoutes } from '@/testing/render';
import { ApiError } from './api-client';
import { useSubmit, type SubmitOptions } from './use-submit';

const refusal = (statusCode: number, message: string, fields?: { path: string; message: string }[]) =>
  new ApiError({ statusCode, code: 'X', message, requestId: 'r', ...(fields ? { fields } : {}) });

/** A form with a name and a list of rows, whose 保存 runs `send` through the hook. */
function Harness({ send, options }: { send: () => Promise<unknown>; options?: Partial<SubmitOptions> }) {
  const [form] = Form.useForm();
  const { check, submit, errorAlert } = useSubmit({ form, ...options });
  const onFinish = async (values: { name: string }) => {
    if (!check(z.object({ name: z.string().min(2, { error: '名称至少 2 个字' }) }), { name: values.name })) return;
    await submit(send, () => undefined);
  };
  return (
    <Form form={form} onFinish={onFinish} initialValues={{ name: '甲乙', rows: [{ date: '' }, { date: '' }] }}>
      {errorAlert()}
      <Form.Item name="name" label="名称">
        <Input aria-label="名称" />
      </Form.Item>
      <Form.List name="rows">
        {(fields) =>
          fields.map((field) => (
            <Form.Item key={field.key} name={[field.name, 'date']} label={`日期 ${field.name + 1}`}>
              <Input aria-label={`日期 ${field.name + 1}`} />
            </Form.Item>
          ))
        }
      </Form.List>
      <Button htmlType="submit">保存</Button>
    </Form>
  );
}

const setup = (send: () => Promise<unknown>, options?: Partial<SubmitOptions>) => {
  renderRoutes([{ path: '/', element: <Harness send={send} options={options} /> }], '/');
  return userEvent.setup();
};

describe('useSubmit', () => {
  it('puts a 400’s field errors on the fields they name, a row’s on that row, and the rest in one message', async () => {
    const user = setup(() =>
      Promise.reject(
        refusal(400, '提交的内容有误，请检查标出的字段', [
          { path: 'rows.1.date', message: '节点日期须在完成时限之前' },
          { path: 'status', message: '任务已销号' },
        ]),
      ),
    );
    await user.click(await screen.findByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText('节点日期须在完成时限之前')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('提交的内容有误，请检查标出的字段；任务已销号');
  });

  it('never says a field is marked when none is', async () => {
    const user = setup(() => Promise.reject(refusal(400, '提交的内容有误，请检查标出的字段', [{ path: 'status', message: '任务已销号' }])));
    await user.click(await screen.findByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/^任务已销号$/);
  });

  it('sends a 409 to the conflict handler, and words other refusals for the form', async () => {
    const onConflict = vi.fn();
    let answer = refusal(409, '已被他人修改');
    const user = setup(() => Promise.reject(answer), {
      onConflict,
      describe: (error) => (error.status === 415 ? `佐证材料未能上传：${error.message}` : undefined),
    });
    await user.click(await screen.findByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(onConflict).toHaveBeenCalledOnce());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    answer = refusal(415, '不支持的文件类型');
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('佐证材料未能上传：不支持的文件类型');
  });

  it('checks the body with the schema first and sends nothing when it fails', async () => {
    const send = vi.fn(() => Promise.resolve());
    const user = setup(send);
    await user.clear(await screen.findByRole('textbox', { name: '名称' }));
    await user.type(screen.getByRole('textbox', { name: '名称' }), '甲');
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText('名称至少 2 个字')).toBeInTheDocument();
    expect(send).not.toHaveBeenCalled();
  });
});
