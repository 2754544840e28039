import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, TEST_POSTGRES_URL, type TestDb } from "../../server/testing/test-db";
import { derivePostgresSchema } from "./derive-schema";

// prisma/schema.prisma is the one source of the models; the PostgreSQL schema and migrations must
// follow it. When this fails after adding a model: `npm run db:pg:sync -- --migration <name>`.

const root = path.resolve(import.meta.dirname, "../..");
const source = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
const committed = readFileSync(path.join(root, "prisma/postgres/schema.prisma"), "utf8");

const SCALARS = new Set(["String", "Int", "Float", "Boolean", "DateTime", "Json", "BigInt", "Decimal", "Bytes"]);

/** Each model's scalar columns, read from the schema text. */
export function modelColumns(schema: string): Map<string, string[]> {
  const models = new Map<string, string[]>();
  for (const match of schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const columns = [];
    for (const line of match[2]!.split("\n")) {
      const field = /^\s*(\w+)\s+(\w+)(\?|\[\])?/.exec(line);
      if (field && SCALARS.has(field[2]!) && field[3] !== "[]") columns.push(field[1]!);
    }
    models.set(match[1]!, columns.sort());
  }
  return models;
}

describe("the PostgreSQL schema", () => {
  it("is prisma/schema.prisma's models with the PostgreSQL datasource (regenerated and compared)", () => {
    expect(committed, "prisma/postgres/schema.prisma is stale: run `npm run db:pg:sync -- --migration <name>`").toBe(
      derivePostgresSchema(source),
    );
    expect(committed).toMatch(/provider = "postgresql"/);
    expect(modelColumns(committed)).toEqual(modelColumns(source));
  });

  it("refuses a source without its datasource or generator", () => {
    expect(() => derivePostgresSchema("model A { id String @id }")).toThrow(/generator client/);
  });
});

describe.skipIf(!TEST_POSTGRES_URL)(
  `the PostgreSQL migrations${TEST_POSTGRES_URL ? "" : " (skipped: no INTERLEAVE_TEST_POSTGRES_URL)"}`,
  () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await createTestDb("postgres");
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it("create every table and column of the schema", async () => {
      const client = new pg.Client({ connectionString: t.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ table_name: string; column_name: string }>(
          `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`,
        );
        const actual = new Map<string, string[]>();
        for (const row of rows) actual.set(row.table_name, [...(actual.get(row.table_name) ?? []), row.column_name]);
        for (const [model, columns] of modelColumns(committed)) {
          expect(actual.get(model)?.sort(), `table "${model}" (run npm run db:pg:sync -- --migration <name>)`).toEqual(
            columns,
          );
        }
      } finally {
        await client.end();
      }
    });
  },
);
