import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyCatalogue } from "../grading/apply-catalogue";
import type { CatalogueEntry } from "../grading/catalogue-entry";
import { createTestDb, type TestDb } from "../testing/test-db";
import { getExerciseBySlug } from "./get-exercise-by-slug";
import { listCatalogue } from "./list-catalogue";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

function entry(id: string, chapter: number, difficulty: CatalogueEntry["manifest"]["difficulty"]): CatalogueEntry {
  return {
    manifest: { id, slug: id, title: id, chapter, difficulty, points: 5, tags: ["t"], summary: "s" },
    statement: "# Statement",
    starter: "// start",
  };
}

describe("exercise catalogue", () => {
  it("is empty before any sync", async () => {
    expect(await listCatalogue(t.db)).toEqual([]);
  });

  it("groups live exercises by chapter in book order, easiest first", async () => {
    await applyCatalogue(
      [entry("deadlock-a", 12, "hard"), entry("threads-b", 3, "medium"), entry("threads-a", 3, "intro")],
      { archiveMissing: true, db: t.db },
    );
    await applyCatalogue([entry("threads-b", 3, "medium"), entry("threads-a", 3, "intro")], {
      archiveMissing: true,
      db: t.db,
    });
    const catalogue = await listCatalogue(t.db);
    expect(catalogue.map((c) => [c.chapter, c.title, c.exercises.map((e) => e.slug)])).toEqual([
      [3, "Threads", ["threads-a", "threads-b"]],
    ]);
    expect(catalogue[0]?.exercises[0]?.tags).toEqual(["t"]);
  });

  it("gets one exercise by slug, and null for unknown or malformed slugs", async () => {
    const exercise = await getExerciseBySlug("threads-a", t.db);
    expect(exercise).toMatchObject({ title: "threads-a", statementMd: "# Statement", starterCode: "// start" });
    expect(await getExerciseBySlug("nope", t.db)).toBeNull();
    expect(await getExerciseBySlug("../../etc/passwd", t.db)).toBeNull();
    expect(await getExerciseBySlug(["threads-a"], t.db)).toBeNull();
  });
});
