import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApiToken } from "@/server/api-tokens/api-tokens";
import { createTestDb, setDefaultDbForTests, unreachableDb, type TestDb } from "@/server/testing/test-db";
import { GET } from "./[id]/route";
import { POST } from "./route";

// The JSON API's contract (README, "HTTP API"), driven through the route handlers with a bearer
// token (no cookie, so no Next.js request scope is needed) on a throwaway database.

let t: TestDb;
let token: string;
let otherToken: string;
beforeAll(async () => {
  process.env.GRADING_MAX_PENDING_PER_USER = "2";
  t = await createTestDb();
  setDefaultDbForTests(t.db);
  const user = await t.db.user.create({ data: { email: "api@example.com", displayName: "Api", passwordHash: "x" } });
  const other = await t.db.user.create({ data: { email: "api2@example.com", displayName: "Api2", passwordHash: "x" } });
  token = (await createApiToken(user.id, { name: "test" }, t.db)).token;
  otherToken = (await createApiToken(other.id, { name: "test" }, t.db)).token;
  await t.db.exercise.create({
    data: {
      id: "ex-api",
      slug: "api",
      title: "Api",
      chapter: 3,
      difficulty: "easy",
      points: 10,
      tags: "[]",
      summary: "",
      statementMd: "",
      starterCode: "",
    },
  });
});
afterAll(async () => {
  setDefaultDbForTests(undefined);
  await t.dispose();
});
beforeEach(async () => {
  setDefaultDbForTests(t.db);
  await t.db.submission.deleteMany();
});

const post = (body: unknown, bearer: string | null = token) =>
  POST(
    new Request("http://127.0.0.1/api/submissions", {
      method: "POST",
      headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
const get = (id: string, bearer = token) =>
  GET(new Request(`http://127.0.0.1/api/submissions/${id}`, { headers: { authorization: `Bearer ${bearer}` } }), {
    params: Promise.resolve({ id }),
  });

describe("POST /api/submissions and GET /api/submissions/<id>", () => {
  it("creates a submission with a bearer token and reads its status and place in line", async () => {
    const created = await post({ slug: "api", code: "export const x = 1;" });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; status: string; placeInLine: { ahead: number } };
    expect(body).toMatchObject({ status: "queued", placeInLine: { ahead: 0, estimateSeconds: expect.any(Number) } });
    const read = await get(body.id);
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ id: body.id, status: "queued", placeInLine: { ahead: 0 } });
    expect((await get(body.id, otherToken)).status).toBe(404); // another student's: as if unknown
  });

  it("answers 401 for a bad token, 400 for a body that is not JSON, 422 naming the field, 404 for an unknown exercise", async () => {
    // (No credentials at all falls back to the session cookie: that needs a Next.js request, e2e.)
    expect((await post({ slug: "api", code: "x" }, "il_forged")).status).toBe(401);
    expect((await post("{not json")).status).toBe(400);
    const invalid = await post({ slug: "api", code: "   ", kind: "later" });
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toMatchObject({
      fieldErrors: { code: [expect.any(String)], kind: [expect.any(String)] },
    });
    expect((await post({ slug: "nope", code: "x" })).status).toBe(404);
  });

  it("answers 429 with Retry-After past the per-user limit", async () => {
    expect((await post({ slug: "api", code: "x" })).status).toBe(201);
    expect((await post({ slug: "api", code: "x" })).status).toBe(201);
    const refused = await post({ slug: "api", code: "x" });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ code: "rate-limited", retryAfterSeconds: expect.any(Number) });
  });

  it("answers 503 with Retry-After while the database cannot be reached", async () => {
    const unreachable = unreachableDb();
    setDefaultDbForTests(unreachable);
    try {
      const refused = await post({ slug: "api", code: "x" });
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("5");
      expect((await get("some-id")).status).toBe(503);
    } finally {
      await unreachable.$disconnect();
    }
  });
});
