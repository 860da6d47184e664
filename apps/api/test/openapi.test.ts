import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers.ts';

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({ seed: false });
});
afterAll(() => t.close());

describe('the API description at /api/docs/json', () => {
  it('is a valid OpenAPI document: every $ref resolves, so a client generator can read it', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    // The validator dereferences in place: give it its own copy.
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeTruthy();
  });

  it('names the unit tree’s recursive schema as a component', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const refs = new Set(JSON.stringify(document).match(/#\/components\/schemas\/[^"]+/g));
    expect([...refs].sort()).toEqual(expect.arrayContaining(['#/components/schemas/UnitNode']));
    for (const ref of refs) expect(document.components.schemas).toHaveProperty(ref.split('/').at(-1)!);
  });
});
