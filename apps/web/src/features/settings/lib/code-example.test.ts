import { describe, expect, it } from 'vitest';
import { exampleCode } from './code-example';

describe('exampleCode', () => {
  const parts = { prefix: 'ZD', year: 2026, seq: 7 };
  it('replaces the tokens and pads the sequence', () => {
    expect(exampleCode('{list}-{year}-{seq:3}', parts)).toBe('ZD-2026-007');
    expect(exampleCode('嘉改〔{year}〕{list}{seq}号', parts)).toBe('嘉改〔2026〕ZD7号');
  });
  it('leaves what it does not know as typed, for the server to reject', () => {
    expect(exampleCode('{list}-{yr}-{seq:3', parts)).toBe('ZD-{yr}-{seq:3');
    expect(exampleCode('{list:2}', parts)).toBe('{list:2}');
  });
});
