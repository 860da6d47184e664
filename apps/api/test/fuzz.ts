/**
 * Property-based fuzzing of every route from its own schemas (house pattern "fuzz test").
 *
 * Each route's zod schemas (params, querystring, body) are turned into JSON Schema and from there
 * into fast-check arbitraries that produce valid-ish requests with hostile values mixed in: NUL
 * bytes, lone surrogates, integers past int4, negative and fractional numbers, very long strings,
 * wrong types, unknown fields, broken JSON, wrong content types and broken multipart bodies.
 * The property is that no request answers 5xx. A new route is fuzzed without any change here.
 */
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { z } from 'zod';
import type { RouteEntry } from '../src/plugins/docs.ts';

/** The part of JSON Schema that zod's converter emits for request schemas. */
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  signedIn: boolean;
}

export interface FuzzFinding {
  request: { method: string; url: string; signedIn: boolean; contentType?: string; payload?: string };
  status: number | 'timeout';
  body: string;
}

export interface FuzzResult {
  route: string;
  seed: number;
  sent: number;
  failures: FuzzFinding[];
}

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;
const BOUNDARY = 'fuzz-boundary-7MA4YWxkTrZu0gW';

const hostileStrings = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '任务\ud83d',
  '\uffff\ufffe',
  '\u202e\u200b\ufeff',
  'x'.repeat(70_000),
  '改革'.repeat(3_000),
  "' OR 1=1 --",
  '../../etc/passwd',
  '%00',
  '  ',
  '',
  '２０２６',
  'NaN',
  'Infinity',
  '-0',
  '1e400',
  '2147483648',
  '-2147483649',
  '9223372036854775808',
  '0x10',
  '<img src=x onerror=alert(1)>',
  '{"$ne":null}',
];
const hostileNumbers = [
  2_147_483_648, 2_147_483_647, -2_147_483_649, 4_294_967_296, -1, 0, 0.5, -0.5, 1e20, Number.MAX_SAFE_INTEGER,
  Number.MAX_VALUE, -Number.MAX_VALUE,
];

/** Ordinary text: Chinese, Latin, digits, spaces and punctuation, the way a clerk types. */
const plainText = (maxLength: number, minLength = 0) =>
  fc.string({ unit: fc.constantFrom(...'改革任务推进数字化营商环境试点嘉兴县局科技abcXYZ0123 -_/（）。，'), minLength, maxLength });

/** Hostile values that still pass a type check (and most length checks), so they reach the use case. */
const typedHostileString = fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '任务\ud83d', '\uffff\ufffe', '\u202e\u200b\ufeff', "' OR 1=1 --", '%00', '２０２６');
const typedHostileInteger = fc.constantFrom(2_147_483_648, 2_147_483_647, 4_294_967_296, -2_147_483_649, Number.MAX_SAFE_INTEGER);
/** What a hand-edited URL puts where an id goes. */
const hostileIdText = fc.constantFrom('2147483648', '2147483647', '4294967296', '99999999999999999999', '0', '-1', '1.5', '1e3', '0x10', ' 1', 'abc', '\u0000', '1\u0000');
const hostileString = fc.constantFrom(...hostileStrings);
const hostileNumber = fc.constantFrom(...hostileNumbers);
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.string({ maxLength: 5 }),
  fc.integer(),
  fc.array(fc.constant('\u0000'), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);
const anyHostile: fc.Arbitrary<unknown> = fc.oneof(hostileString, hostileNumber, wrongType);

const ISO_DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
/**
 * Mostly two dates around the test's today, so that a start, a deadline and the milestones between
 * them are often in order and a request gets past the cross-field rules to the database.
 */
const dateString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('2026-11-20', '2026-12-31') },
  {
    weight: 1,
    arbitrary: fc
      .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10)),
  },
);

/**
 * `typed`: values keep the schema's types, so they get past type checks and reach the use case
 * (NUL bytes and surrogates in strings, int4 overflows in integers). `mutated`: any leaf may be of
 * any type, required fields may be missing, unknown ones appear.
 */
type Mode = 'typed' | 'mutated';

function withHostile<T>(valid: fc.Arbitrary<T>, typedHostile: fc.Arbitrary<unknown>, mode: Mode): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: mode === 'typed' ? 5 : 4, arbitrary: valid as fc.Arbitrary<unknown> },
    { weight: 1, arbitrary: mode === 'typed' ? typedHostile : anyHostile },
  );
}

function integerOf(schema: JsonSchema): fc.Arbitrary<number> {
  const min = Math.max(INT32_MIN, schema.minimum ?? (schema.exclusiveMinimum ?? INT32_MIN - 1) + 1);
  const max = Math.min(INT32_MAX, schema.maximum ?? (schema.exclusiveMaximum ?? INT32_MAX + 1) - 1);
  // Small values hit existing rows (ids, versions); the whole range tests the bounds.
  const near = fc.integer({ min, max: Math.max(min, Math.min(max, min + 60)) });
  return fc.oneof({ weight: 3, arbitrary: near }, { weight: 1, arbitrary: fc.integer({ min, max }) });
}

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.pattern === ISO_DATE_PATTERN || schema.format === 'date') return dateString;
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 1000));
    } catch {
      // A pattern fast-check cannot generate from: fall back to plain text.
    }
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 40));
  return fc.oneof(
    { weight: 4, arbitrary: plainText(maxLength, minLength) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength, maxLength }) },
  );
}

/** An arbitrary for values of a JSON Schema, hostile values mixed in according to the mode. */
export function arbitraryOf(schema: JsonSchema, mode: Mode, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if (schema.const !== undefined) return withHostile(fc.constant(schema.const), hostileString, mode);
  if (schema.enum) return withHostile(fc.constantFrom(...schema.enum), hostileString, mode);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((alternative) => arbitraryOf(alternative, mode, depth + 1)));
  if (schema.allOf?.[0]) return arbitraryOf(schema.allOf[0], mode, depth + 1);
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => arbitraryOf({ ...schema, type }, mode, depth + 1)));
  switch (schema.type) {
    case 'null':
      return withHostile(fc.constant(null), wrongType, mode);
    case 'boolean':
      return withHostile(fc.boolean(), wrongType, mode);
    case 'integer':
      return withHostile(integerOf(schema), typedHostileInteger, mode);
    case 'number':
      return withHostile(
        fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true }),
        typedHostileInteger,
        mode,
      );
    case 'string':
      return withHostile(stringOf(schema), typedHostileString, mode);
    case 'array': {
      const item = schema.items ?? {};
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 4, 4));
      return withHostile(fc.array(arbitraryOf(item, mode, depth + 1), { minLength, maxLength }), wrongType, mode);
    }
    case 'object':
      return withHostile(objectOf(schema, mode, depth), wrongType, mode);
    default:
      // unknown / any: whatever JSON can carry
      return fc.oneof(fc.jsonValue({ maxDepth: 2 }), anyHostile);
  }
}

function objectOf(schema: JsonSchema, mode: Mode, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const shape = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, arbitraryOf(value, mode, depth + 1)]));
  const requiredKeys = mode === 'typed' ? (schema.required ?? []) : [];
  const known = fc.record(shape, { requiredKeys }) as fc.Arbitrary<Record<string, unknown>>;
  const extra =
    typeof schema.additionalProperties === 'object'
      ? fc.dictionary(
          schema.propertyNames ? stringOf(schema.propertyNames) : plainText(8, 1),
          arbitraryOf(schema.additionalProperties, mode, depth + 1),
          { maxKeys: 4 },
        )
      : mode === 'mutated'
        ? fc.dictionary(fc.oneof(hostileString, plainText(8, 1), fc.constantFrom('__proto__', 'constructor', 'id')), anyHostile, { maxKeys: 2 })
        : fc.constant({});
  return fc.tuple(known, extra).map(([values, more]) => ({ ...more, ...values }));
}

function jsonSchemaOf(schema: unknown): JsonSchema | null {
  if (!schema) return null;
  if (schema instanceof z.ZodType) return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return schema as JsonSchema;
}

/** Percent-encodes like a browser, and a lone surrogate as the bytes a hostile client would send. */
function encode(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    out +=
      code >= 0xd800 && code <= 0xdfff
        ? `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`
        : encodeURIComponent(char);
  }
  return out;
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value) ?? '');

function urlOf(route: RouteEntry, params: Record<string, unknown>, query: Array<[string, unknown]>): string {
  const path = route.url
    .replace(/:(\w+)/g, (_, name: string) => encode(textOf(params[name] ?? '')))
    .replace(/\*$/, () => encode(textOf(params['*'] ?? '')));
  const search = query.map(([key, value]) => `${encode(key)}=${encode(textOf(value))}`).join('&');
  return search ? `${path}?${search}` : path;
}

function paramsOf(route: RouteEntry): fc.Arbitrary<Record<string, unknown>> {
  const schema = jsonSchemaOf(route.schema.params);
  const names = [...route.url.matchAll(/:(\w+)/g)].map((match) => match[1]!);
  if (route.url.endsWith('*')) names.push('*');
  const typed = Object.fromEntries(
    names.map((name) => {
      const property = schema?.properties?.[name];
      return [name, property ? fc.oneof(arbitraryOf(property, 'typed'), hostileIdText, hostileString) : fc.oneof(plainText(20), hostileString)];
    }),
  );
  return fc.record(typed, { requiredKeys: names }) as fc.Arbitrary<Record<string, unknown>>;
}

function queryOf(route: RouteEntry, mode: Mode): fc.Arbitrary<Array<[string, unknown]>> {
  const schema = jsonSchemaOf(route.schema.querystring) ?? { type: 'object', properties: {} };
  return arbitraryOf(schema, mode).map((value) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return [['q', value]];
    // A repeated key arrives as an array: send arrays as repeated keys.
    return Object.entries(value).flatMap(([key, item]) => (Array.isArray(item) ? item.map((one) => [key, one] as [string, unknown]) : [[key, item]]));
  });
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

interface Part {
  name: string;
  value: string | Buffer;
  filename?: string;
  /** A raw Content-Disposition line instead of the generated one. */
  disposition?: string;
}

function multipartOf(parts: Part[], boundary = BOUNDARY): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      part.disposition ??
      `form-data; name="${part.name}"${part.filename !== undefined ? `; filename="${part.filename}"` : ''}`;
    const type = part.filename !== undefined ? '\r\nContent-Type: application/octet-stream' : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`), Buffer.from(part.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

const fileName = fc.oneof(plainText(20, 1).map((name) => `${name}.pdf`), hostileString);
const fileContent = fc.oneof(fc.constant(PDF), fc.constant(PNG), fc.constant(Buffer.alloc(0)), fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)));
const fieldPart: fc.Arbitrary<Part> = fc.record({
  name: fc.oneof(fc.constantFrom('milestoneId', 'mapping', 'list', 'file'), plainText(8, 1), hostileString),
  value: fc.oneof(integerOf({ minimum: 1 }).map(String), plainText(20), hostileString, fc.constant('{"0":"title"}')),
});
const filePart: fc.Arbitrary<Part> = fc.record({ name: fc.constantFrom('file', 'other'), value: fileContent, filename: fileName });

/** Multipart bodies: well-formed, with two files, with too many parts, truncated, garbled, or with broken headers. */
const multipartBody: fc.Arbitrary<{ payload: Buffer; contentType: string }> = fc.oneof(
  fc
    .tuple(fc.option(filePart, { nil: undefined }), fc.array(fieldPart, { maxLength: 3 }))
    .map(([file, fields]) => ({ payload: multipartOf([...fields, ...(file ? [file] : [])]), contentType: `multipart/form-data; boundary=${BOUNDARY}` })),
  fc.tuple(filePart, filePart).map((files) => ({ payload: multipartOf(files), contentType: `multipart/form-data; boundary=${BOUNDARY}` })),
  fc.integer({ min: 1_001, max: 1_200 }).map((count) => ({
    payload: multipartOf(Array.from({ length: count }, (_, i) => ({ name: `f${i}`, value: 'x' }))),
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
  })),
  fc.tuple(filePart, fc.integer({ min: 1, max: 200 })).map(([file, cut]) => {
    const whole = multipartOf([file]);
    return { payload: whole.subarray(0, Math.max(0, whole.length - cut)), contentType: `multipart/form-data; boundary=${BOUNDARY}` };
  }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ payload: Buffer.from(bytes), contentType: `multipart/form-data; boundary=${BOUNDARY}` })),
  fc
    .constantFrom(
      'form-data; name="file"; filename="a\u0000b.pdf"',
      "form-data; name=\"file\"; filename*=UTF-8''%ED%A0%80.pdf",
      "form-data; name=\"file\"; filename*=UTF-8''%00.pdf",
      'form-data; name="file"; filename="',
      'form-data; name=; filename=',
      'attachment',
      'form-data; name="milestoneId"',
    )
    .map((disposition) => ({
      payload: multipartOf([{ name: 'file', value: PDF, disposition }]),
      contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    })),
  fc.constantFrom('multipart/form-data', 'multipart/form-data; boundary=', 'multipart/form-data; boundary=other', 'multipart/mixed; boundary=x').map((contentType) => ({
    payload: multipartOf([{ name: 'file', value: PDF, filename: 'a.pdf' }]),
    contentType,
  })),
);

const brokenJson = fc.constantFrom('{', '{"a":', '[', 'null', '[]', '""', '"\\u0000"', '{"x":"\\ud800"}', '\u0000', 'true', '1e999', '{"__proto__":{"admin":true}}', '{"a":1,"a":2}', ' ');
const otherContentTypes = fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', 'application/xml', 'image/png');

function bodyOf(route: RouteEntry): fc.Arbitrary<{ payload?: string | Buffer; contentType?: string }> {
  if (route.method === 'GET' || route.method === 'HEAD' || route.method === 'DELETE') return fc.constant({});
  const isMultipart = route.schema.consumes?.includes('multipart/form-data') ?? false;
  if (isMultipart) {
    return fc.oneof(
      { weight: 6, arbitrary: multipartBody },
      { weight: 1, arbitrary: fc.tuple(brokenJson, fc.constantFrom('application/json', 'text/plain')).map(([payload, contentType]) => ({ payload, contentType })) },
    );
  }
  const schema = jsonSchemaOf(route.schema.body) ?? { type: 'object', properties: {} };
  const json = (mode: Mode) => arbitraryOf(schema, mode).map((value) => ({ payload: JSON.stringify(value) ?? 'null', contentType: 'application/json' }));
  return fc.oneof(
    { weight: 6, arbitrary: json('typed') },
    { weight: 3, arbitrary: json('mutated') },
    { weight: 1, arbitrary: brokenJson.map((payload) => ({ payload, contentType: 'application/json' })) },
    { weight: 1, arbitrary: fc.tuple(json('typed'), otherContentTypes).map(([body, contentType]) => ({ payload: body.payload, contentType })) },
    { weight: 1, arbitrary: multipartBody },
  );
}

/** The requests the fuzzer sends to one route. Auth routes are also tried without a session. */
export function requestsFor(route: RouteEntry, cookie: string): fc.Arbitrary<FuzzRequest> {
  const signedIn = route.url.startsWith('/api/auth/') ? fc.boolean() : fc.constant(true);
  return fc
    .tuple(paramsOf(route), fc.constantFrom<Mode>('typed', 'typed', 'mutated'), signedIn, bodyOf(route))
    .chain(([params, mode, isSignedIn, body]) =>
      queryOf(route, mode).map((query) => {
        const headers: Record<string, string> = {};
        if (isSignedIn) headers.cookie = cookie;
        if (body.contentType) headers['content-type'] = body.contentType;
        return {
          method: route.method,
          url: urlOf(route, params, query),
          headers,
          signedIn: isSignedIn,
          ...(body.payload !== undefined ? { payload: body.payload } : {}),
        };
      }),
    );
}

/** A stable seed per route, so adding a route does not change what the others are sent. */
export function seedFor(route: RouteEntry, base: number): number {
  let hash = base | 0;
  for (const char of `${route.method} ${route.url}`) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

const REQUEST_TIMEOUT_MS = 15_000;

function describeRequest(request: FuzzRequest): FuzzFinding['request'] {
  const payload = request.payload === undefined ? undefined : Buffer.from(request.payload).subarray(0, 300).toString('latin1');
  return {
    method: request.method,
    url: request.url.slice(0, 300),
    signedIn: request.signedIn,
    ...(request.headers['content-type'] ? { contentType: request.headers['content-type'] } : {}),
    ...(payload !== undefined ? { payload } : {}),
  };
}

/**
 * Sends `runs` generated requests to one route, one after another, and reports every 5xx (or a
 * request that does not answer within 15 s). The same seed sends the same requests again.
 */
export async function fuzzRoute(
  app: FastifyInstance,
  route: RouteEntry,
  options: { cookie: string; runs?: number; seed: number },
): Promise<FuzzResult> {
  const seed = seedFor(route, options.seed);
  const requests = fc.sample(requestsFor(route, options.cookie), { numRuns: options.runs ?? 100, seed });
  const failures: FuzzFinding[] = [];
  for (const request of requests) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), REQUEST_TIMEOUT_MS);
    });
    const answer = await Promise.race([app.inject(request as InjectOptions), timeout]);
    clearTimeout(timer);
    if (answer === 'timeout') failures.push({ request: describeRequest(request), status: 'timeout', body: '' });
    else if (answer.statusCode >= 500) failures.push({ request: describeRequest(request), status: answer.statusCode, body: answer.body.slice(0, 300) });
  }
  return { route: `${route.method} ${route.url}`, seed, sent: requests.length, failures };
}

/** The routes a fuzz run covers: every API route of the app, whoever added it. */
export function apiRoutes(app: FastifyInstance): RouteEntry[] {
  return app.routeEntries.filter((route) => route.url.startsWith('/api'));
}
