import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { DEMO_INSTRUCTOR, logInByApi, signUpByApi } from "./helpers";

// Issue 16's access rules as a table, in the shape of authorization-matrix.spec.ts: the
// authoring pages, export and actions × anonymous, a student, another instructor, the author
// (the demo instructor) and an admin. Authors edit only their own browser exercises, admins all;
// nobody else reads a draft's hidden files (reference, harness, mutants).

const ROLES = ["anonymous", "student", "otherInstructor", "author", "admin"] as const;
type Role = (typeof ROLES)[number];
type Outcome = "ok" | "login" | "forbidden" | "hidden" | "refused";

const ID = `e2e-access-${Date.now().toString(36)}`;
const SECRET = `hidden-line-of-the-draft-${Date.now()}`;
const REFERENCE = `import { spawn, type Lock, type Shared } from "interleave";
// ${SECRET}
export async function countToFour(counter: Shared<number>, lock: Lock): Promise<number> {
  const workers = [];
  for (let i = 0; i < 4; i++) workers.push(spawn(async () => {
    await using _ = await lock.hold();
    await counter.set((await counter.get()) + 1);
  }));
  for (const w of workers) await w.join();
  return counter.get();
}
`;
const FORM = {
  id: ID,
  slug: ID,
  title: "Access matrix exercise",
  chapter: "3",
  difficulty: "intro",
  points: "10",
  tags: "threads",
  summary: "An exercise made by the access matrix test.",
  hints: "",
  checks: JSON.stringify([{ id: "four", title: "Four workers", export: "fourWorkers", points: 10 }]),
  mutants: JSON.stringify([{ file: "mutants/no-join.ts", verdict: "wrong-answer", bug: "no join" }]),
  schedules: "",
  runtime: "",
};
const FILES = {
  "statement.md": "Count to four.",
  "starter.ts":
    'import type { Lock, Shared } from "interleave";\nexport async function countToFour(c: Shared<number>, l: Lock) { return 0; }\n',
  "reference.ts": REFERENCE,
  "harness.ts": `import { assert, Lock, Shared } from "interleave";\nimport { countToFour } from "./solution";\n// ${SECRET}\nexport async function fourWorkers() {\n  assert((await countToFour(new Shared(0), new Lock())) === 4, "four");\n}\n`,
  "mutants/no-join.ts": REFERENCE.replace("for (const w of workers) await w.join();", ""),
};

function actionIds(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  return Object.fromEntries(Object.entries(manifest.node).map(([id, entry]) => [entry.exportedName ?? id, id]));
}

function callAction(as: APIRequestContext, id: string, args: unknown[]): Promise<APIResponse> {
  return as.post("/instructor/exercises/new", {
    headers: { "Next-Action": id, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
}

function outcomeOf(response: APIResponse, body: string): Outcome {
  const status = response.status();
  const location = response.headers()["location"] ?? response.headers()["x-action-redirect"] ?? "";
  if (location.startsWith("/login") || status === 401) return "login";
  if (status === 403) return "forbidden";
  if (status === 404) return "hidden";
  if (status >= 400) return "refused";
  return /"ok":false/.test(body) ? "refused" : "ok";
}

function createAccount(email: string, role: string, password: string): void {
  execFileSync(
    process.execPath,
    ["--import", "tsx", "scripts/create-account.ts", "--email", email, "--name", `Matrix ${role}`, "--role", role],
    {
      input: password,
      env: { ...process.env, DATABASE_URL: `file:${path.join(process.env.E2E_DIR!, "e2e.db")}` },
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
}

test("authoring access: pages, export and actions × anonymous, student, another instructor, the author, an admin", async ({
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const as = Object.fromEntries(
    await Promise.all(ROLES.map(async (role) => [role, await playwright.request.newContext({ baseURL })])),
  ) as Record<Role, APIRequestContext>;
  await signUpByApi(as.student, "authoring-student");
  expect((await logInByApi(as.author, DEMO_INSTRUCTOR.email, DEMO_INSTRUCTOR.password)).status()).toBe(200);
  for (const role of ["otherInstructor", "admin"] as const) {
    const account = { email: `authoring-${role}-${Date.now()}@example.com`, password: `a-${role}-password` };
    createAccount(account.email, role === "admin" ? "admin" : "instructor", account.password);
    expect((await logInByApi(as[role], account.email, account.password)).status()).toBe(200);
  }

  const ids = actionIds();
  const saved = await callAction(as.author, ids.saveExerciseAction!, [{ form: FORM, files: FILES }]);
  expect(await saved.text()).toContain('"ok":true');

  const staff = { anonymous: "login", student: "forbidden" } as const;
  const own = { ...staff, otherInstructor: "forbidden", author: "ok", admin: "ok" } as const;
  const ownAction = { ...staff, otherInstructor: "refused", author: "ok", admin: "ok" } as const;
  const rows: {
    route: string;
    call: (c: APIRequestContext) => Promise<APIResponse>;
    expected: Record<Role, Outcome>;
  }[] = [
    {
      route: "GET /instructor/exercises",
      call: (c) => c.get("/instructor/exercises", { maxRedirects: 0 }),
      expected: { ...staff, otherInstructor: "ok", author: "ok", admin: "ok" },
    },
    {
      route: "GET /instructor/exercises/new",
      call: (c) => c.get("/instructor/exercises/new", { maxRedirects: 0 }),
      expected: { ...staff, otherInstructor: "ok", author: "ok", admin: "ok" },
    },
    {
      route: "GET …/<id>/edit",
      call: (c) => c.get(`/instructor/exercises/${ID}/edit`, { maxRedirects: 0 }),
      expected: own,
    },
    { route: "GET …/<id>/export", call: (c) => c.get(`/instructor/exercises/${ID}/export`), expected: own },
    {
      route: "GET /exercises/<draft> (unpublished)",
      call: (c) => c.get(`/exercises/${ID}`, { maxRedirects: 0 }),
      expected: { anonymous: "login", student: "hidden", otherInstructor: "hidden", author: "hidden", admin: "hidden" },
    },
    { route: "action authoringView", call: (c) => callAction(c, ids.authoringViewAction!, [ID]), expected: ownAction },
    {
      route: "action saveExercise (edit)",
      call: (c) => callAction(c, ids.saveExerciseAction!, [{ exerciseId: ID, form: FORM, files: FILES }]),
      expected: ownAction,
    },
    {
      route: "action requestValidation",
      call: (c) => callAction(c, ids.requestValidationAction!, [ID]),
      expected: ownAction,
    },
    {
      route: "action publishExercise (not validated)",
      call: (c) => callAction(c, ids.publishExerciseAction!, [ID]),
      expected: { ...ownAction, author: "refused", admin: "refused" },
    },
  ];

  const mismatches: string[] = [];
  const leaks: string[] = [];
  const secretSeenBy = new Set<Role>();
  for (const row of rows) {
    for (const role of ROLES) {
      const response = await row.call(as[role]);
      const body = await response.text();
      const outcome = outcomeOf(response, body);
      if (outcome !== row.expected[role])
        mismatches.push(
          `${row.route} as ${role}: expected ${row.expected[role]}, got ${outcome} (${response.status()})`,
        );
      if (body.includes(SECRET)) {
        secretSeenBy.add(role);
        if (role !== "author" && role !== "admin") leaks.push(`${row.route} as ${role}`);
      }
    }
  }
  console.log(
    `authoring access: ${rows.length} routes × ${ROLES.length} roles, ${mismatches.length} wrong, ${leaks.length} leaks`,
  );
  expect(mismatches).toEqual([]);
  expect(leaks).toEqual([]);
  // The leak check can see the hidden files: the author and the admin do read them.
  expect([...secretSeenBy].sort()).toEqual(["admin", "author"]);
  for (const context of Object.values(as)) await context.dispose();
});
