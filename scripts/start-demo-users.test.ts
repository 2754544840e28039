import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../server/auth/create-session";
import { createTestDb, type TestDb } from "../server/testing/test-db";

// Issue 13: demo accounts (published passwords) only on a local server. `npm start` stops before
// building when asked for them anywhere else, and the seed removes them (sessions included) when
// the server is not local.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

function run(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, args, {
    env: { ...process.env, DATABASE_URL: `file:${t.databaseFile}`, DEMO_USERS: "", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("npm start with demo accounts", () => {
  it("refuses to start with DEMO_USERS=true on every interface, before building anything", () => {
    const { status, output } = run(["scripts/start.mjs", "--prepare-only"], { HOST: "0.0.0.0", DEMO_USERS: "true" });
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /Refusing to start with demo accounts: DEMO_USERS=true but the server listens on 0\.0\.0\.0/,
    );
    expect(output).not.toMatch(/next build|prisma migrate deploy/);
  });

  it("refuses to start with DEMO_USERS=true behind HTTPS (a Secure cookie)", () => {
    const { status, output } = run(["scripts/start.mjs", "--prepare-only"], {
      HOST: "127.0.0.1",
      DEMO_USERS: "true",
      SESSION_COOKIE_SECURE: "true",
    });
    expect(status).not.toBe(0);
    expect(output).toMatch(/Refusing to start with demo accounts: .*Secure/);
  });
});

describe("the seed", () => {
  it("creates the demo accounts on a local server, and removes them with their sessions elsewhere", async () => {
    const local = run(["--import", "tsx", "prisma/seed.ts"], { HOST: "127.0.0.1" });
    expect(local.status).toBe(0);
    expect(local.output).toContain("instructor@interleave.dev  password: interleave-instructor");
    const instructor = await t.db.user.findUniqueOrThrow({ where: { email: "instructor@interleave.dev" } });
    await createSession(instructor.id, t.db);

    const exposed = run(["--import", "tsx", "prisma/seed.ts"], { HOST: "0.0.0.0" });
    expect(exposed.status).toBe(0);
    expect(exposed.output).toMatch(/no demo accounts \(the server listens on 0\.0\.0\.0.*; 2 removed/);
    expect(exposed.output).not.toContain("interleave-instructor");
    expect(await t.db.user.count({ where: { email: { endsWith: "@interleave.dev" } } })).toBe(0);
    expect(await t.db.session.count({ where: { userId: instructor.id } })).toBe(0);
  });
});
