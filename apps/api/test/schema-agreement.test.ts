import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import internals from '@prisma/internals';
import type { Database } from '@reform/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './database.ts';

// The SQL migrations are written by hand (Prisma's migrate cannot run here), so this test is
// what keeps them honest: the migrated database must be exactly what schema.prisma describes.

const schemaPath = resolve(import.meta.dirname, '../../../prisma/schema.prisma');

type DMMF = Awaited<ReturnType<typeof internals.getDMMF>>;
let dmmf: DMMF;
let testDb: TestDatabase;
let db: Database;

beforeAll(async () => {
  dmmf = await internals.getDMMF({ datamodel: readFileSync(schemaPath, 'utf8') });
  testDb = await createTestDatabase();
  db = testDb.db;
});
afterAll(() => testDb.drop());

const tableOf = (model: DMMF['datamodel']['models'][number]) => model.dbName ?? model.name;

function expectedType(field: DMMF['datamodel']['models'][number]['fields'][number]): string {
  if (field.kind === 'enum') return field.isList ? `_${field.type}` : field.type;
  const native = field.nativeType as [string, string[]] | null | undefined;
  let base: string;
  switch (field.type) {
    case 'String': base = 'text'; break;
    case 'Int': base = 'int4'; break;
    case 'BigInt': base = 'int8'; break;
    case 'Boolean': base = 'bool'; break;
    case 'Json': base = 'jsonb'; break;
    case 'Bytes': base = 'bytea'; break;
    case 'Decimal': base = `numeric(${native?.[1].join(',') ?? '65,30'})`; break;
    case 'DateTime':
      base = native?.[0] === 'Date' ? 'date' : native?.[0] === 'Timestamptz' ? `timestamptz(${native[1][0] ?? 6})` : 'timestamp(3)';
      break;
    default: throw new Error(`unmapped type ${field.type}`);
  }
  return field.isList ? `_${base}` : base;
}

interface ColumnRow {
  table_name: string;
  column_name: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
  column_default: string | null;
  numeric_precision: number | null;
  numeric_scale: number | null;
  datetime_precision: number | null;
}

function actualType(column: ColumnRow): string {
  if (column.udt_name === 'numeric') return `numeric(${column.numeric_precision},${column.numeric_scale})`;
  if (column.udt_name === 'timestamptz' || column.udt_name === 'timestamp') return `${column.udt_name}(${column.datetime_precision})`;
  return column.udt_name;
}

describe('the migrated database and prisma/schema.prisma', () => {
  it('have the same tables', async () => {
    const rows = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migration'`,
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual(dmmf.datamodel.models.map(tableOf).sort());
  });

  it('have the same columns, types, nullability and defaults', async () => {
    const rows = await db.query<ColumnRow>(
      `SELECT table_name, column_name, udt_name, is_nullable, column_default, numeric_precision, numeric_scale, datetime_precision
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'schema_migration'`,
    );
    const actual = rows
      .map((c) => `${c.table_name}.${c.column_name} ${actualType(c)} ${c.is_nullable === 'NO' ? 'not null' : 'null'} ${c.column_default === null ? '' : 'default'}`)
      .sort();
    const expected = dmmf.datamodel.models
      .flatMap((model) =>
        model.fields
          .filter((f) => f.kind !== 'object')
          .map((f) => `${tableOf(model)}.${f.dbName ?? f.name} ${expectedType(f)} ${f.isRequired ? 'not null' : 'null'} ${f.hasDefaultValue ? 'default' : ''}`),
      )
      .sort();
    expect(actual).toEqual(expected);
  });

  it('have the same enums with their values in order', async () => {
    const rows = await db.query<{ name: string; values: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`,
    );
    const expected = dmmf.datamodel.enums
      .map((e) => ({ name: e.dbName ?? e.name, values: e.values.map((v) => v.dbName ?? v.name) }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(rows.sort((a, b) => a.name.localeCompare(b.name))).toEqual(expected);
  });

  it('have the same foreign keys with the same delete rules', async () => {
    const rows = await db.query<{ def: string }>(
      `SELECT conrelid::regclass::text || ' ' || pg_get_constraintdef(oid) AS def
       FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
    );
    const actual = rows.map((r) => r.def.replace(/"/g, '')).sort();
    const models = new Map(dmmf.datamodel.models.map((m) => [m.name, m]));
    const column = (modelName: string, fieldName: string) => {
      const model = models.get(modelName)!;
      const field = model.fields.find((f) => f.name === fieldName)!;
      return field.dbName ?? field.name;
    };
    const expected = dmmf.datamodel.models
      .flatMap((model) =>
        model.fields
          .filter((f) => f.kind === 'object' && f.relationFromFields && f.relationFromFields.length > 0)
          .map((f) => {
            const target = models.get(f.type)!;
            const onDelete = f.relationOnDelete ?? (f.isRequired ? 'Restrict' : 'SetNull');
            const rule = { Cascade: 'ON DELETE CASCADE', SetNull: 'ON DELETE SET NULL', Restrict: 'ON DELETE RESTRICT', NoAction: '', SetDefault: 'ON DELETE SET DEFAULT' }[onDelete];
            const from = f.relationFromFields!.map((n) => column(model.name, n)).join(', ');
            const to = f.relationToFields!.map((n) => column(target.name, n)).join(', ');
            return `${tableOf(model)} FOREIGN KEY (${from}) REFERENCES ${tableOf(target)}(${to}) ON UPDATE CASCADE ${rule}`.trim();
          }),
      )
      .sort();
    expect(actual).toEqual(expected);
  });

  it('have the same primary keys, unique constraints and indexes', async () => {
    const rows = await db.query<{ tablename: string; indexname: string; indexdef: string }>(
      `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'schema_migration'`,
    );
    const actual = rows
      .map((r) => {
        const [, method = '', columns = '', predicate] = /USING (\w+) \((.*?)\)(?: WHERE (.*))?$/.exec(r.indexdef) ?? [];
        const where = predicate ? ` WHERE ${predicate}` : '';
        return `${r.indexname} ${r.indexdef.includes('UNIQUE') ? 'unique' : 'index'} ${method} (${columns.replace(/"/g, '')})${where}`;
      })
      .sort();
    const models = new Map(dmmf.datamodel.models.map((m) => [m.name, m]));
    const expected = dmmf.datamodel.indexes
      .map((index) => {
        const model = models.get(index.model)!;
        const table = tableOf(model);
        const columns = index.fields.map((f) => {
          const field = model.fields.find((mf) => mf.name === f.name)!;
          return [field.dbName ?? field.name, f.operatorClass?.toLowerCase()].filter(Boolean).join(' ');
        });
        const suffix = { id: 'pkey', unique: 'key', normal: 'idx', fulltext: 'idx' }[index.type];
        const name = index.dbName ?? (index.type === 'id' ? `${table}_pkey` : `${table}_${columns.map((c) => c.split(' ')[0]).join('_')}_${suffix}`);
        const method = (index.algorithm ?? 'btree').toLowerCase();
        return `${name} ${index.type === 'normal' ? 'index' : 'unique'} ${method} (${columns.join(', ')})`;
      })
      // Partial indexes, which Prisma's schema cannot express, are declared in a comment beside their model.
      .concat([...readFileSync(schemaPath, 'utf8').matchAll(/^\s*\/\/ sql-index: (.+)$/gm)].map((m) => m[1]!))
      .sort();
    expect(actual).toEqual(expected);
  });
});
