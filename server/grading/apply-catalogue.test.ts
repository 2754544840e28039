import { afterAll, beforeEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../testing/test-db";
import { applyCatalogue } from "./apply-catalogue";
import type { CatalogueEntry } from "./catalogue-entry";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});
beforeEach(async () => {
  await t.db.submission.deleteMany();
  await t.db.exercise.deleteMany();
});

function entry(id: string, slug: string, overrides: Partial<CatalogueEntry["manifest"]> = {}): CatalogueEntry {
  return {
    manifest: {
      id,
      slug,
      title: `Title of ${slug}`,
      chapter: 3,
      difficulty: "easy",
      points: 10,
      tags: ["threads"],
      summary: "A summary.",
      ...overrides,
    },
    statement: `# ${slug}`,
    starter: "export async function solve(): Promise<void> {}\n",
  };
}

describe("applyCatalogue", () => {
  it("creates, then changes nothing on a second run (idempotent)", async () => {
    const catalogue = [entry("ex-1", "counter"), entry("ex-2", "bank", { tags: ["locks", "race"] })];
    const first = await applyCatalogue(catalogue, { archiveMissing: true, db: t.db });
    expect(first.created.sort()).toEqual(["ex-1", "ex-2"]);
    const second = await applyCatalogue(catalogue, { archiveMissing: true, db: t.db });
    expect(second).toEqual({ created: [], updated: [], unchanged: ["ex-1", "ex-2"], archived: [], conflicts: [] });
    const bank = await t.db.exercise.findUniqueOrThrow({ where: { id: "ex-2" } });
    expect(JSON.parse(bank.tags)).toEqual(["locks", "race"]);
    expect(bank.statementMd).toBe("# bank");
  });

  it("updates by stable id, including a renamed slug", async () => {
    await applyCatalogue([entry("ex-1", "counter")], { archiveMissing: true, db: t.db });
    const result = await applyCatalogue([entry("ex-1", "shared-counter", { points: 20 })], {
      archiveMissing: true,
      db: t.db,
    });
    expect(result.updated).toEqual(["ex-1"]);
    const row = await t.db.exercise.findUniqueOrThrow({ where: { id: "ex-1" } });
    expect(row).toMatchObject({ slug: "shared-counter", points: 20 });
  });

  it("archives (never deletes) an exercise that left the disk, and revives it when it returns", async () => {
    await applyCatalogue([entry("ex-1", "counter"), entry("ex-2", "bank")], { archiveMissing: true, db: t.db });
    const user = await t.db.user.create({
      data: { email: "a@example.com", displayName: "A", passwordHash: "x" },
    });
    await t.db.submission.create({ data: { userId: user.id, exerciseId: "ex-2", code: "// mine" } });

    const removed = await applyCatalogue([entry("ex-1", "counter")], { archiveMissing: true, db: t.db });
    expect(removed.archived).toEqual(["ex-2"]);
    expect(await t.db.exercise.findUniqueOrThrow({ where: { id: "ex-2" } })).toMatchObject({ archived: true });
    expect(await t.db.submission.count({ where: { exerciseId: "ex-2" } })).toBe(1);

    const back = await applyCatalogue([entry("ex-1", "counter"), entry("ex-2", "bank")], {
      archiveMissing: true,
      db: t.db,
    });
    expect(back.updated).toEqual(["ex-2"]);
    expect(await t.db.exercise.findUniqueOrThrow({ where: { id: "ex-2" } })).toMatchObject({ archived: false });
  });

  it("keeps missing exercises live when archiving is off (the loader reported problems)", async () => {
    await applyCatalogue([entry("ex-1", "counter"), entry("ex-2", "bank")], { archiveMissing: true, db: t.db });
    const result = await applyCatalogue([entry("ex-1", "counter")], { archiveMissing: false, db: t.db });
    expect(result.archived).toEqual([]);
    expect(await t.db.exercise.count({ where: { archived: false } })).toBe(2);
  });

  it("lets a new exercise take the slug of an archived one, and swaps slugs between two", async () => {
    await applyCatalogue([entry("old", "counter"), entry("a", "alpha"), entry("b", "beta")], {
      archiveMissing: true,
      db: t.db,
    });
    await applyCatalogue([entry("a", "beta"), entry("b", "alpha"), entry("new", "counter")], {
      archiveMissing: true,
      db: t.db,
    });
    const rows = await t.db.exercise.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.id, r.slug, r.archived])).toEqual([
      ["a", "beta", false],
      ["b", "alpha", false],
      ["new", "counter", false],
      ["old", "counter--old", true],
    ]);
  });

  it("never archives, renames or overwrites an exercise authored in the browser", async () => {
    await applyCatalogue([entry("ex-1", "counter")], { archiveMissing: true, db: t.db });
    await t.db.exercise.create({
      data: { ...fieldsOf(entry("web-1", "web-queue")), source: "browser", archived: false },
    });
    // Its folder is absent from exercises/ (it has none): it stays live.
    const result = await applyCatalogue([entry("ex-1", "counter")], { archiveMissing: true, db: t.db });
    expect(result.archived).toEqual([]);
    expect(await t.db.exercise.findUniqueOrThrow({ where: { id: "web-1" } })).toMatchObject({ archived: false });
    // A folder claiming its id or its slug is skipped and reported, not applied.
    const clash = await applyCatalogue(
      [entry("ex-1", "counter"), entry("web-1", "other-slug"), entry("ex-3", "web-queue")],
      { archiveMissing: true, db: t.db },
    );
    expect(clash.conflicts.sort()).toEqual(["ex-3", "web-1"]);
    expect(await t.db.exercise.findUniqueOrThrow({ where: { id: "web-1" } })).toMatchObject({
      slug: "web-queue",
      source: "browser",
    });
    expect(await t.db.exercise.findUnique({ where: { id: "ex-3" } })).toBeNull();
  });

  it("still archives a files exercise whose folder left", async () => {
    await applyCatalogue([entry("ex-1", "counter"), entry("ex-2", "bank")], { archiveMissing: true, db: t.db });
    const result = await applyCatalogue([entry("ex-1", "counter")], { archiveMissing: true, db: t.db });
    expect(result.archived).toEqual(["ex-2"]);
  });
});

function fieldsOf(e: CatalogueEntry) {
  const { manifest } = e;
  return {
    id: manifest.id,
    slug: manifest.slug,
    title: manifest.title,
    chapter: manifest.chapter,
    difficulty: manifest.difficulty,
    points: manifest.points,
    tags: JSON.stringify(manifest.tags),
    summary: manifest.summary,
    statementMd: e.statement,
    starterCode: e.starter,
  };
}
