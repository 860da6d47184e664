import type { TLedgerCheckResult } from '@reform/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { adminUser } from '@/testing/fixtures';
import { mockApi, renderRoutes } from '@/testing/render';
import { LedgerImportRoute } from './ledger-import';

interface Sent {
  url: string;
  form: FormData;
}

/** A stand-in for XMLHttpRequest: answers each upload with the next status and body. */
function stubUpload(answers: { status: number; body: unknown }[]) {
  const sent: Sent[] = [];
  class FakeXhr {
    status = 0;
    responseText = '';
    private url = '';
    private listeners = new Map<string, (() => void)[]>();
    private uploadListeners = new Map<string, ((event: ProgressEvent) => void)[]>();
    withCredentials = false;
    upload = {
      addEventListener: (type: string, listener: (event: ProgressEvent) => void) =>
        this.uploadListeners.set(type, [...(this.uploadListeners.get(type) ?? []), listener]),
    };
    open(_method: string, url: string) {
      this.url = url;
    }
    setRequestHeader() {}
    getResponseHeader() {
      return null;
    }
    addEventListener(type: string, listener: () => void) {
      this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
    }
    send(form: FormData) {
      sent.push({ url: this.url, form });
      const answer = answers.shift() ?? { status: 500, body: {} };
      setTimeout(() => {
        for (const listener of this.uploadListeners.get('progress') ?? []) {
          listener({ lengthComputable: true, loaded: 1, total: 1 } as ProgressEvent);
        }
        this.status = answer.status;
        this.responseText = JSON.stringify(answer.body);
        for (const listener of this.listeners.get('load') ?? []) listener();
      }, 10);
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return sent;
}

const withErrors: TLedgerCheckResult = {
  total: 3,
  valid: 1,
  errors: [
    { row: 3, column: '牵头单位', message: '找不到单位“市科技厅”' },
    { row: 4, column: '完成时限', message: '无法识别的日期“明年底”' },
  ],
  warnings: [],
  columns: [
    { index: 0, header: '改革任务', field: 'title' },
    { index: 1, header: '牵头单位', field: 'leadUnit' },
    { index: 2, header: '完成时限', field: 'deadline' },
    { index: 3, header: '责任处室', field: null },
  ],
};

function setup(answers: { status: number; body: unknown }[]) {
  mockApi(({ url }) => (url.pathname === '/api/auth/me' ? { body: adminUser } : undefined));
  const sent = stubUpload(answers);
  renderRoutes([{ path: '/tasks/import', element: <LedgerImportRoute /> }], '/tasks/import');
  return sent;
}

const xlsx = () =>
  new File([new Uint8Array([80, 75, 3, 4])], '台账.xlsx', {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });

describe('ledger import', () => {
  it('checks the file first and lists every problem with its row and column; import stays disabled', async () => {
    const user = userEvent.setup();
    const sent = setup([{ status: 200, body: withErrors }]);
    await screen.findByText('点击或将台账文件拖到此处');
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, xlsx());

    expect(await screen.findByTestId('ledger-counts')).toHaveTextContent('共 3 行，有效 1 行');
    expect(sent[0]!.url).toBe('/api/tasks/import?dryRun=true');
    expect((sent[0]!.form.get('file') as File).name).toBe('台账.xlsx');

    const rows = within(screen.getByTestId('ledger-errors')).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['3', '牵头单位', '找不到单位“市科技厅”'],
      ['4', '完成时限', '无法识别的日期“明年底”'],
    ]);
    const columns = screen.getByTestId('ledger-columns');
    expect(columns).toHaveTextContent('改革任务 → 改革任务');
    expect(within(columns).getByRole('combobox', { name: '「责任处室」对应字段' })).toBeInTheDocument();
    expect(screen.getByTestId('confirm-import')).toBeDisabled();
  });

  it('re-runs the check with the mapping chosen for an unrecognised column, then imports', async () => {
    const user = userEvent.setup();
    const clean: TLedgerCheckResult = { ...withErrors, valid: 3, errors: [] };
    const sent = setup([
      { status: 200, body: withErrors },
      { status: 200, body: clean },
      { status: 200, body: { imported: 3, codes: ['ZD-2026-101', 'ZD-2026-102', 'ZD-2026-103'] } },
    ]);
    await screen.findByText('点击或将台账文件拖到此处');
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, xlsx());
    await user.click(await screen.findByRole('combobox', { name: '「责任处室」对应字段' }));
    await user.click(await screen.findByTitle('备注'));

    await waitFor(() => expect(sent).toHaveLength(2));
    expect(JSON.parse(String(sent[1]!.form.get('mapping')))).toEqual({ 3: 'remarks' });
    expect(await screen.findByText('全部 3 行校验通过，可以导入')).toBeInTheDocument();

    await waitFor(() => expect(screen.getByTestId('confirm-import')).toBeEnabled());
    await user.click(screen.getByTestId('confirm-import'));
    expect(await screen.findByText('已导入 3 项任务', { selector: '.ant-result-title' })).toBeInTheDocument();
    expect(sent[2]!.url).toBe('/api/tasks/import?dryRun=false');
    expect(screen.getByRole('link', { name: '查看任务清单' })).toHaveAttribute('href', '/tasks');
  });

  it('shows a passed deadline as a warning apart from the problems, and lets the ledger be imported', async () => {
    const user = userEvent.setup();
    const warned: TLedgerCheckResult = {
      ...withErrors,
      valid: 3,
      errors: [],
      warnings: [{ row: 4, column: '完成时限', message: '完成时限已过（2025-06-30）：导入后该任务显示为红灯' }],
    };
    setup([{ status: 200, body: warned }]);
    await screen.findByText('点击或将台账文件拖到此处');
    await user.upload(document.querySelector('input[type="file"]') as HTMLInputElement, xlsx());

    expect(await screen.findByText('全部 3 行校验通过，可以导入')).toBeInTheDocument();
    expect(screen.queryByTestId('ledger-errors')).not.toBeInTheDocument();
    const rows = within(screen.getByTestId('ledger-warnings')).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['4', '完成时限', '完成时限已过（2025-06-30）：导入后该任务显示为红灯'],
    ]);
    expect(screen.getByText('1 处（不影响导入）')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('confirm-import')).toBeEnabled());
  });

  it('shows the message of a workbook refused as too big', async () => {
    const user = userEvent.setup();
    const refusal = { statusCode: 422, code: 'UNPROCESSABLE', message: '台账行数过多：一次最多导入 10,000 行，本文件有 12,000 行。请拆分为几个文件后分批导入', requestId: 'r' };
    setup([{ status: 422, body: refusal }]);
    await screen.findByText('点击或将台账文件拖到此处');
    await user.upload(document.querySelector('input[type="file"]') as HTMLInputElement, xlsx());
    expect(await screen.findByRole('alert')).toHaveTextContent(refusal.message);
    expect(screen.queryByTestId('ledger-check')).not.toBeInTheDocument();
  });
});
