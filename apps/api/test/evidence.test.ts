import { readdirSync } from 'node:fs';
import type { TEvidenceFile } from '@reform/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
let own: { id: number; milestoneId: number };
let cooperating: number;
let foreign: number;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

function multipart(file: { name: string; content: Buffer } | null, fields: Record<string, string> = {}) {
  const boundary = '----reform-test-boundary';
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(username: string, taskId: number, file: { name: string; content: Buffer } | null, fields = {}) {
  const body = multipart(file, fields);
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/tasks/${taskId}/evidence`,
    headers: { ...body.headers, cookie: cookies[username]! },
    payload: body.payload,
  });
  return { status: response.statusCode, body: response.json() as TEvidenceFile & { message?: string; fields?: unknown[] } };
}

beforeAll(async () => {
  t = await buildTestApp();
  for (const username of ['admin', 'staff', 'leader']) cookies[username] = await t.login(username);
  const kejiju = (await t.db.prisma.unit.findFirstOrThrow({ where: { name: '市科技局' } })).id;
  const ownTask = await t.db.prisma.task.findFirstOrThrow({ where: { leadUnitId: kejiju }, include: { milestones: true } });
  own = { id: ownTask.id, milestoneId: ownTask.milestones[0]!.id };
  cooperating = (
    await t.db.prisma.task.findFirstOrThrow({ where: { leadUnitId: { not: kejiju }, cooperatingUnits: { some: { unitId: kejiju } } } })
  ).id;
  foreign = (
    await t.db.prisma.task.findFirstOrThrow({ where: { leadUnitId: { not: kejiju }, cooperatingUnits: { none: { unitId: kejiju } } } })
  ).id;
});
afterAll(() => t.close());

describe('evidence files', () => {
  it('are stored under generated names outside the web root and downloaded as attachments', async () => {
    const { status, body } = await upload('staff', own.id, { name: '实施方案（印发稿）.pdf', content: PDF }, { milestoneId: String(own.milestoneId) });
    expect(status).toBe(201);
    expect(body).toMatchObject({ originalName: '实施方案（印发稿）.pdf', mimeType: 'application/pdf', milestoneId: own.milestoneId, size: PDF.length });
    const stored = readdirSync(t.filesDir);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatch(/^[0-9a-f-]{36}$/);

    const download = await t.app.inject({ method: 'GET', url: `/api/evidence/${body.id}/download`, headers: { cookie: cookies.leader! } });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('实施方案（印发稿）.pdf')}`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(PDF)).toBe(true);

    const listed = await t.app.inject({ method: 'GET', url: `/api/tasks/${own.id}/evidence`, headers: { cookie: cookies.staff! } });
    expect(listed.json().map((f: TEvidenceFile) => f.id)).toEqual([body.id]);
  });

  it('judge the type by content: a script named .pdf is refused and nothing is kept', async () => {
    const before = readdirSync(t.filesDir).length;
    const { status, body } = await upload('staff', own.id, { name: '材料.pdf', content: Buffer.from('<script>alert(1)</script>') });
    expect(status).toBe(415);
    expect(body.message).toContain('不支持的文件类型');
    expect(readdirSync(t.filesDir)).toHaveLength(before);
    expect(await t.db.prisma.evidenceFile.count()).toBe(1);
  });

  it('refuse files over the size limit and uploads without a file', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(21 * 1024 * 1024)]);
    expect((await upload('staff', own.id, { name: 'big.pdf', content: big })).status).toBe(413);
    const none = await upload('staff', own.id, null, { milestoneId: String(own.milestoneId) });
    expect(none.status).toBe(400);
    expect(none.body.fields).toEqual([{ path: 'file', message: '请选择要上传的文件' }]);
  });

  it('follow the task’s access: 403 for a cooperating unit or a leader, 404 outside the scope', async () => {
    expect((await upload('staff', cooperating, { name: 'a.pdf', content: PDF })).status).toBe(403);
    expect((await upload('leader', own.id, { name: 'a.pdf', content: PDF })).status).toBe(403);
    expect((await upload('staff', foreign, { name: 'a.pdf', content: PDF })).status).toBe(404);
    const adminFile = await upload('admin', foreign, { name: '督查材料.pdf', content: PDF });
    expect(adminFile.status).toBe(201);
    const download = await t.app.inject({ method: 'GET', url: `/api/evidence/${adminFile.body.id}/download`, headers: { cookie: cookies.staff! } });
    expect(download.statusCode).toBe(404);
  });
});

describe('evidence uploads that are not one well-formed file', () => {
  const boundary = '----reform-test-boundary';
  const raw = async (payload: Buffer | string) => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${own.id}/evidence`,
      headers: { cookie: cookies.staff!, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    return { status: response.statusCode, body: response.json() as TEvidenceFile & { message: string; fields?: unknown[] } };
  };
  const filePart = (disposition: string) =>
    Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: application/pdf\r\n\r\n`), PDF, Buffer.from('\r\n')]);
  const end = Buffer.from(`--${boundary}--\r\n`);

  it('refuse two files with 400 on the file field and keep neither', async () => {
    const before = readdirSync(t.filesDir).length;
    const { status, body } = await raw(Buffer.concat([filePart('form-data; name="file"; filename="a.pdf"'), filePart('form-data; name="file"; filename="b.pdf"'), end]));
    expect(status).toBe(400);
    expect(body.fields).toEqual([{ path: 'file', message: '每次只能上传一个文件' }]);
    expect(readdirSync(t.filesDir)).toHaveLength(before);
  });

  it('refuse a form of more than a few parts with 413, and a broken form with 400', async () => {
    const parts = Array.from({ length: 1_001 }, (_, i) => `--${boundary}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nx\r\n`).join('');
    const many = await raw(`${parts}--${boundary}--\r\n`);
    expect(many.status).toBe(413);
    expect(many.body.message).toBe('表单内容过多，请只提交文件和所需的字段');
    const truncated = await raw(filePart('form-data; name="file"; filename="a.pdf"').subarray(0, 60));
    expect(truncated.status).toBe(400);
    expect(truncated.body.message).toBe('上传的表单不完整或格式有误，请重新提交');
    const badHeader = await raw(Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition form-data\r\n\r\nx\r\n`), end]));
    expect(badHeader.status).toBe(400);
  });

  it('keep a file whose name has a NUL or half an emoji, under a name that can be stored and shown', async () => {
    const nul = await raw(Buffer.concat([filePart('form-data; name="file"; filename="方案\u0000.pdf"'), end]));
    expect(nul.status).toBe(201);
    expect(nul.body.originalName).toBe('方案.pdf');
    const surrogate = await raw(Buffer.concat([filePart("form-data; name=\"file\"; filename*=UTF-8''%E6%96%B9%E6%A1%88%ED%A0%80.pdf"), end]));
    expect(surrogate.status).toBe(201);
    expect(surrogate.body.originalName).toMatch(/^方案\uFFFD+\.pdf$/);
    const history = await t.app.inject({ method: 'GET', url: `/api/tasks/${own.id}/history`, headers: { cookie: cookies.staff! } });
    expect(history.statusCode).toBe(200);
  });

  it('refuse a milestone id past int4 with 400 on the field', async () => {
    const { status, body } = await upload('staff', own.id, { name: 'a.pdf', content: PDF }, { milestoneId: '2147483648' });
    expect(status).toBe(400);
    expect(body.fields).toEqual([{ path: 'milestoneId', message: '节点编号无效' }]);
  });
});
