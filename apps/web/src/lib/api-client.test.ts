import { ZErrorBody } from '@reform/contracts';
import { describe, expect, it } from 'vitest';
import { isErrorBody } from './api-client';

// The client checks the error shape by hand to stay light; it must agree with the contract.
describe('isErrorBody', () => {
  const samples: unknown[] = [
    { statusCode: 400, code: 'VALIDATION', message: '请检查', requestId: 'r1', fields: [{ path: 'title', message: '请填写标题' }] },
    { statusCode: 409, code: 'CONFLICT', message: '已被修改', requestId: 'r2', current: { version: 3 } },
    { statusCode: 404, code: 'NOT_FOUND', message: '不存在', requestId: '' },
    { statusCode: '400', code: 'X', message: 'x', requestId: 'r' },
    { statusCode: 400, code: 'X', message: 'x' },
    { statusCode: 400, code: 'X', message: 'x', requestId: 'r', fields: [{ path: 1, message: 'x' }] },
    { statusCode: 400, code: 'X', message: 'x', requestId: 'r', fields: 'title' },
    null,
    'Bad Gateway',
    [],
  ];

  it.each(samples.map((sample) => [JSON.stringify(sample), sample]))('agrees with ZErrorBody on %s', (_, sample) => {
    expect(isErrorBody(sample)).toBe(ZErrorBody.safeParse(sample).success);
  });
});
