import type { TReportDetail } from '@reform/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { staffUser } from '@/testing/fixtures';
import { fieldErrors, mockApi, renderRoutes } from '@/testing/render';
import { ReportRoute } from './report';

function report(overrides: Partial<TReportDetail> = {}): TReportDetail {
  return {
    id: 5,
    task: { id: 9, code: 'ZD-2026-001', title: '深化科技金融改革' },
    unit: { id: 3, name: '市科技局' },
    year: 2026,
    quarter: 3,
    status: 'draft',
    late: false,
    percentComplete: 40,
    submittedAt: null,
    dueDate: '2026-10-10',
    version: 3,
    progressText: '',
    outcomesText: '',
    problems: '',
    nextSteps: '',
    percentReason: '',
    reviewComment: '',
    reviewedAt: null,
    submissionCount: 0,
    firstSubmittedAt: null,
    updatedAt: '2026-10-01T02:00:00.000Z',
    facts: {
      milestonesCompleted: [{ id: 1, name: '出台实施方案', dueDate: '2026-08-31', doneDate: '2026-08-20', evidence: [{ id: 11, originalName: '实施方案.pdf' }] }],
      milestonesDueNotDone: [{ id: 2, name: '召开推进会', dueDate: '2026-09-15' }],
      outcomes: [{ id: 4, kind: 'institutional_document', description: '出台管理办法', targetCount: 2, deliveredCount: 1 }],
      adjustmentsApproved: [],
      previous: { year: 2026, quarter: 2, status: 'accepted', nextSteps: '完成方案起草并报审', percentComplete: 40 },
      previousAcceptedPercent: 40,
    },
    contributions: [],
    evidence: [],
    versions: [],
    can: { edit: true, submit: true, review: false, contribute: false },
    ...overrides,
  };
}

function setup(detail: TReportDetail, onSubmit?: () => { status?: number; body?: unknown }) {
  const calls: { method: string; body: unknown }[] = [];
  mockApi(({ url, method, body }) => {
    if (url.pathname === '/api/auth/me') return { body: { ...staffUser, permissions: [...staffUser.permissions, 'reports:read', 'reports:write'] } };
    if (url.pathname === `/api/reports/${detail.id}` && method === 'GET') return { body: detail };
    if (url.pathname === `/api/reports/${detail.id}` && method === 'PATCH') {
      calls.push({ method, body });
      return { body: { id: detail.id, version: (body as { version: number }).version + 1, status: 'draft', updatedAt: new Date().toISOString() } };
    }
    if (url.pathname === `/api/reports/${detail.id}/submit`) {
      calls.push({ method, body });
      return onSubmit?.() ?? { body: { ...detail, status: 'submitted' } };
    }
    return undefined;
  });
  renderRoutes([{ path: '/reports/:id', element: <ReportRoute /> }], `/reports/${detail.id}`);
  return calls;
}

afterEach(() => localStorage.clear());

describe('the report form', () => {
  it('shows the recorded facts read-only and pre-fills the percent', async () => {
    setup(report());
    const facts = await screen.findByTestId('facts-panel');
    expect(facts).toHaveTextContent('出台实施方案');
    expect(facts).toHaveTextContent('实施方案.pdf');
    expect(facts).toHaveTextContent('召开推进会');
    expect(facts).toHaveTextContent('完成方案起草并报审');
    expect(within(facts).queryByRole('textbox')).toBeNull();
    expect(screen.getByRole('spinbutton', { name: '完成进度' })).toHaveValue('40');
  });

  it('saves typed text automatically within a few seconds, keeping a browser copy meanwhile', async () => {
    const calls = setup(report());
    const field = await screen.findByRole('textbox', { name: '工作进展' });
    fireEvent.change(field, { target: { value: '完成了方案起草' } });
    expect(JSON.parse(localStorage.getItem('reform:report-draft:5')!).values.progressText).toBe('完成了方案起草');
    expect(screen.getByTestId('autosave-indicator')).toHaveTextContent('有未保存的修改');
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1), { timeout: 6000 });
    expect(calls[0]!.body).toEqual({ version: 3, progressText: '完成了方案起草' });
    await waitFor(() => expect(screen.getByTestId('autosave-indicator')).toHaveTextContent('已自动保存'));
    expect(localStorage.getItem('reform:report-draft:5')).toBeNull();
  });

  it('brings back text typed before a session timeout', async () => {
    localStorage.setItem(
      'reform:report-draft:5',
      JSON.stringify({ values: { progressText: '会话超时前写的内容', outcomesText: '', problems: '', nextSteps: '', percentComplete: 40, percentReason: '' }, baseVersion: 3, savedAt: '' }),
    );
    setup(report());
    expect(await screen.findByTestId('draft-restored')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '工作进展' })).toHaveValue('会话超时前写的内容');
  });

  it('puts the server’s refusal of a submission on the field it names', async () => {
    const user = userEvent.setup();
    setup(report({ progressText: '已写', nextSteps: '' }), () => fieldErrors([{ path: 'nextSteps', message: '请填写下步打算' }]));
    await user.click(await screen.findByTestId('report-submit'));
    expect(await screen.findByText('请填写下步打算')).toBeInTheDocument();
  });

  it('asks for a reason when the percent falls below the last accepted report', async () => {
    const user = userEvent.setup();
    setup(report());
    const percent = await screen.findByRole('spinbutton', { name: '完成进度' });
    await user.clear(percent);
    await user.type(percent, '30');
    expect(await screen.findByRole('textbox', { name: '进度回落原因' })).toBeInTheDocument();
  });
});
