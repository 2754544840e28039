import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { getExerciseBySlug } from "../exercises/get-exercise-by-slug";
import { createTestDb, type TestDb } from "../testing/test-db";
import { contentHash } from "./authored-package";
import { TEMPLATE_FILES, TEMPLATE_MANIFEST } from "./exercise-template";
import { exportExercise } from "./export-exercise";
import { getAuthoringView } from "./get-authoring-view";
import { importExercise } from "./import-exercise";
import { listAuthoredExercises } from "./list-authored-exercises";
import { formFromManifest, manifestFromForm } from "./manifest-form";
import { publishExercise } from "./publish-exercise";
import { requestValidation } from "./request-validation";
import { saveExercise } from "./save-exercise";
import { readZip, writeZip } from "./zip";

let t: TestDb;
let author: { id: string; role: "instructor" };
let other: { id: string; role: "instructor" };
let admin: { id: string; role: "admin" };

beforeAll(async () => {
  t = await createTestDb();
  const make = (email: string, role: string) =>
    t.db.user.create({ data: { email, displayName: email, passwordHash: "x", role } });
  author = { id: (await make("author@example.com", "instructor")).id, role: "instructor" };
  other = { id: (await make("other@example.com", "instructor")).id, role: "instructor" };
  admin = { id: (await make("admin@example.com", "admin")).id, role: "admin" };
});
afterAll(async () => {
  await t.dispose();
});
beforeEach(async () => {
  await t.db.submission.deleteMany();
  await t.db.exercise.deleteMany();
});

type Author = { id: string; role: "instructor" | "admin" };
const save = (user: Author, data: unknown, _options?: unknown) => saveExercise(user, data, { db: t.db });

const FORM = formFromManifest(TEMPLATE_MANIFEST);
const input = (overrides: Partial<typeof FORM> = {}, files = TEMPLATE_FILES, exerciseId?: string) => ({
  exerciseId,
  form: { ...FORM, ...overrides },
  files,
});

async function fieldErrors(promise: Promise<unknown>): Promise<Record<string, string[] | undefined>> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("validation-failed");
  return (error as AppError).fieldErrors;
}

/** Stand in for the worker: store a validation result on the newest version. */
async function markValidated(exerciseId: string, valid: boolean) {
  const latest = await t.db.exerciseVersion.findFirstOrThrow({ where: { exerciseId }, orderBy: { version: "desc" } });
  const report = {
    valid,
    reference: "passed",
    starter: { score: 0, maxScore: 10, verdict: "wrong-answer", ok: true },
    mutantResults: [
      {
        file: "mutants/no-join.ts",
        expected: "wrong-answer",
        got: valid ? "wrong-answer" : "race",
        caught: valid,
        bug: "b",
      },
    ],
    fakes: [],
    problems: valid ? [] : ["mutants/no-join.ts: expected verdict wrong-answer, got race"],
  };
  await t.db.exerciseVersion.update({ where: { id: latest.id }, data: { validationJson: JSON.stringify(report) } });
}

describe("the manifest form", () => {
  it("round-trips a manifest through the form's text", () => {
    expect(manifestFromForm(formFromManifest(TEMPLATE_MANIFEST))).toEqual({ ...TEMPLATE_MANIFEST });
  });

  it("is validated by the grader's manifest schema, each problem under its field", async () => {
    const errors = await fieldErrors(save(author, input({ id: "Bad Id", chapter: "20", difficulty: "trivial" })));
    expect(errors["manifest.id"]?.[0]).toMatch(/lowercase/);
    expect(errors["manifest.chapter"]).toBeDefined();
    expect(errors["manifest.difficulty"]).toBeDefined();
    // The schema's cross-field rule (points = sum of the checks' points), once the fields parse.
    const points = await fieldErrors(save(author, input({ points: "11" })));
    expect(points["manifest.points"]?.[0]).toMatch(/must equal the sum of the checks' points \(10\)/);
  });

  it("names the nested field of a check, and JSON that does not parse", async () => {
    const checks = JSON.stringify([{ ...TEMPLATE_MANIFEST.checks[0], export: "not an identifier" }]);
    expect((await fieldErrors(save(author, input({ checks }))))["manifest.checks.0.export"]).toEqual([
      "a JavaScript identifier",
    ]);
    expect((await fieldErrors(save(author, input({ mutants: "[{" }))))["manifest.mutants"]?.[0]).toMatch(
      /not valid JSON/,
    );
  });

  it("checks the files against the manifest: required files, declared mutants, safe paths", async () => {
    const { "harness.ts": _harness, ...noHarness } = TEMPLATE_FILES;
    expect((await fieldErrors(save(author, input({}, noHarness))))["files.harness.ts"]).toEqual(["missing harness.ts"]);
    const { "mutants/no-join.ts": _mutant, ...noMutant } = TEMPLATE_FILES;
    expect((await fieldErrors(save(author, input({}, noMutant))))["manifest.mutants.1.file"]).toBeDefined();
    const extra = { ...TEMPLATE_FILES, "mutants/undeclared.ts": "x" };
    expect((await fieldErrors(save(author, input({}, extra))))["files.mutants/undeclared.ts"]).toBeDefined();
    const escape = { ...TEMPLATE_FILES, "../../etc/passwd.ts": "x" };
    expect(Object.keys(await fieldErrors(save(author, input({}, escape))))).toContain("files.../../etc/passwd.ts");
  });

  it("accepts the template, hidden until published, and refuses a taken id or slug", async () => {
    expect(await save(author, input())).toEqual({ exerciseId: "my-first-exercise", version: 1, newVersion: true });
    const row = await t.db.exercise.findUniqueOrThrow({ where: { id: "my-first-exercise" } });
    expect(row).toMatchObject({ source: "browser", archived: true, authorId: author.id, publishedVersion: null });
    expect((await fieldErrors(save(other, input({ slug: "another" }))))["manifest.id"]).toBeDefined();
    expect((await fieldErrors(save(other, input({ id: "another" }))))["manifest.slug"]).toBeDefined();
  });
});

describe("creating at once", () => {
  it("gives the second of two simultaneous creations of one id a field error, not a 500", async () => {
    const results = await Promise.allSettled([save(author, input()), save(other, input())]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected");
    expect(refused?.reason).toBeInstanceOf(AppError);
    expect(Object.keys((refused!.reason as AppError).fieldErrors)).toEqual([
      expect.stringMatching(/^manifest\.(id|slug)$/),
    ]);
  });
});

describe("versions", () => {
  it("edits the unpublished draft in place, and makes a new version over a published one", async () => {
    await save(author, input());
    const edited = await save(
      author,
      input({ title: "Count with four threads, again" }, TEMPLATE_FILES, "my-first-exercise"),
    );
    expect(edited).toEqual({ exerciseId: "my-first-exercise", version: 1, newVersion: false });

    // A draft never published does not exist for students (not even as a retired exercise).
    expect(await getExerciseBySlug("my-first-exercise", t.db)).toBeNull();
    await markValidated("my-first-exercise", true);
    expect(await publishExercise(author, "my-first-exercise", { db: t.db })).toEqual({ version: 1 });
    expect(await getExerciseBySlug("my-first-exercise", t.db)).toMatchObject({
      title: "Count with four threads, again",
    });
    const published = await t.db.exercise.findUniqueOrThrow({ where: { id: "my-first-exercise" } });
    expect(published).toMatchObject({ archived: false, publishedVersion: 1, title: "Count with four threads, again" });

    const files = { ...TEMPLATE_FILES, "statement.md": "# Changed\n\nNew text." };
    const bumped = await save(author, input({ title: "Renamed in v2" }, files, "my-first-exercise"), { db: t.db });
    expect(bumped).toEqual({ exerciseId: "my-first-exercise", version: 2, newVersion: true });
    // Students still see version 1 until version 2 is validated and published.
    const still = await t.db.exercise.findUniqueOrThrow({ where: { id: "my-first-exercise" } });
    expect(still).toMatchObject({ publishedVersion: 1, title: "Count with four threads, again" });
    const v1 = await t.db.exerciseVersion.findUniqueOrThrow({
      where: { exerciseId_version: { exerciseId: "my-first-exercise", version: 1 } },
    });
    expect(JSON.parse(v1.filesJson)["statement.md"]).toBe(TEMPLATE_FILES["statement.md"]);

    const view = await getAuthoringView(author, "my-first-exercise", { db: t.db });
    expect(view).toMatchObject({ version: 2, published: false, publishedVersion: 1, publishable: false });
    expect(view.versions.map((v) => [v.version, v.publishedAt !== null])).toEqual([
      [2, false],
      [1, true],
    ]);
    expect(view.files["statement.md"]).toBe("# Changed\n\nNew text.");
  });

  it("refuses to publish an unvalidated or invalid version; a save voids the validation", async () => {
    await save(author, input());
    await expect(publishExercise(author, "my-first-exercise", { db: t.db })).rejects.toThrow(
      /Validate this version first/,
    );
    await markValidated("my-first-exercise", false);
    await expect(publishExercise(author, "my-first-exercise", { db: t.db })).rejects.toThrow(/not valid \(1 problem/);
    expect((await getAuthoringView(author, "my-first-exercise", { db: t.db })).validation).toMatchObject({
      status: "done",
      report: { valid: false },
    });
    await markValidated("my-first-exercise", true);
    await save(author, input({}, TEMPLATE_FILES, "my-first-exercise"), { db: t.db });
    await expect(publishExercise(author, "my-first-exercise", { db: t.db })).rejects.toThrow(
      /Validate this version first/,
    );
    expect((await t.db.exercise.findUniqueOrThrow({ where: { id: "my-first-exercise" } })).archived).toBe(true);
  });

  it("lets only the author (and admins) edit, validate, publish and export", async () => {
    await save(author, input(), { db: t.db });
    for (const attempt of [
      save(other, input({}, TEMPLATE_FILES, "my-first-exercise"), { db: t.db }),
      requestValidation(other, "my-first-exercise", { db: t.db }),
      publishExercise(other, "my-first-exercise", { db: t.db }),
      exportExercise(other, "my-first-exercise", { db: t.db }),
      getAuthoringView(other, "my-first-exercise", { db: t.db }),
    ]) {
      await expect(attempt).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(getAuthoringView(admin, "my-first-exercise", { db: t.db })).resolves.toMatchObject({ version: 1 });
    expect((await listAuthoredExercises(other, { db: t.db })).map((e) => e.id)).toEqual([]);
    expect((await listAuthoredExercises(admin, { db: t.db })).map((e) => e.id)).toEqual(["my-first-exercise"]);
    // An exercise from files is never edited in the browser, even by an admin.
    await t.db.exercise.create({
      data: {
        id: "from-files",
        slug: "from-files",
        title: "T",
        chapter: 3,
        difficulty: "easy",
        points: 1,
        tags: "[]",
        summary: "s",
        statementMd: "",
        starterCode: "",
      },
    });
    await expect(getAuthoringView(admin, "from-files", { db: t.db })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("validation requests", () => {
  it("queues one job per content, reusing a waiting one", async () => {
    await save(author, input(), { db: t.db });
    const first = await requestValidation(author, "my-first-exercise", { db: t.db });
    const again = await requestValidation(author, "my-first-exercise", { db: t.db });
    expect(again.validationId).toBe(first.validationId);
    const job = await t.db.exerciseValidation.findUniqueOrThrow({ where: { id: first.validationId } });
    const version = await t.db.exerciseVersion.findUniqueOrThrow({ where: { id: job.versionId } });
    expect(job).toMatchObject({ status: "queued", contentHash: contentHash(version.manifestJson, version.filesJson) });
    expect((await getAuthoringView(author, "my-first-exercise", { db: t.db })).validation.status).toBe("queued");
  });
});

describe("export and import", () => {
  it("exports the folder of exercises/ as a ZIP, and imports it back as a new exercise queued for validation", async () => {
    await save(author, input(), { db: t.db });
    const { fileName, bytes } = await exportExercise(author, "my-first-exercise", { db: t.db });
    expect(fileName).toBe("my-first-exercise-v1.zip");
    const names = readZip(bytes, { maxEntries: 50, maxTotalBytes: 1e6 }).map((e) => e.name);
    expect(names.sort()).toEqual(
      ["exercise.json", ...Object.keys(TEMPLATE_FILES)].map((n) => `my-first-exercise/${n}`).sort(),
    );

    // The same folder under another id and slug (an import never overwrites an exercise).
    const entries = readZip(bytes, { maxEntries: 50, maxTotalBytes: 1e6 }).map((e) => {
      const name = e.name.replace("my-first-exercise/", "copied/");
      if (!name.endsWith("exercise.json")) return { name, data: e.data };
      const manifest = { ...JSON.parse(new TextDecoder().decode(e.data)), id: "copied", slug: "copied" };
      return { name, data: new TextEncoder().encode(JSON.stringify(manifest)) };
    });
    const { exerciseId } = await importExercise(other, writeZip(entries), { db: t.db });
    expect(exerciseId).toBe("copied");
    const view = await getAuthoringView(other, "copied", { db: t.db });
    expect(view.files).toEqual(TEMPLATE_FILES);
    expect(view.validation.status).toBe("queued");
    expect((await t.db.exercise.findUniqueOrThrow({ where: { id: "copied" } })).archived).toBe(true);

    await expect(importExercise(other, bytes, { db: t.db })).rejects.toMatchObject({ code: "validation-failed" });
    await expect(importExercise(other, new TextEncoder().encode("nope"), { db: t.db })).rejects.toThrow(
      /cannot be read/,
    );
  });
});
