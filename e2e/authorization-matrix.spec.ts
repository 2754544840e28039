import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { DEMO_INSTRUCTOR, logInByApi, signUpByApi } from "./helpers";

// Issue 13: who may do what, as one table. Every page, server action and API route of the app,
// called over HTTP by anonymous, a student, another student, an instructor and an admin; each
// cell names the outcome the caller must get, and every answer a student gets is searched for
// what must never reach them: another student's code, and the exercise's reference, harness,
// mutants and fakes. A route added to the app without a row here is a review question.
// Issue 16 adds courses: the demo instructor's course has "student" enrolled and the exercise in
// it; "otherStudent" is enrolled in "otherInstructor"'s course. Nobody outside a course learns
// that it exists (404); its students are refused its instructor pages (403); an instructor of
// another course reads no student's code.

const EXERCISE = "shared-counter";
const ROLES = ["anonymous", "student", "otherStudent", "otherInstructor", "instructor", "admin"] as const;
type Role = (typeof ROLES)[number];
// ok: done or shown; login: sent to log in (a redirect to /login, or 401 from an API);
// home: already logged in, sent to /; forbidden: 403; hidden: 404 as if it did not exist;
// invalid: bad input refused with a 4xx or the form's message.
type Outcome = "ok" | "login" | "home" | "forbidden" | "hidden" | "invalid";

type Row = {
  route: string;
  call: (as: APIRequestContext) => Promise<APIResponse>;
  expected: Record<Role, Outcome>;
  /** Actions answer 200 with their result: whether this result counts as refused input. */
  refusedResult?: RegExp;
};

const all = (outcome: Outcome): Record<Role, Outcome> =>
  Object.fromEntries(ROLES.map((role) => [role, outcome])) as Record<Role, Outcome>;
const loggedIn = (outcome: Outcome): Record<Role, Outcome> => ({ ...all(outcome), anonymous: "login" });

/** The server actions' ids, from the production build the server runs. */
function actionIds(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  return Object.fromEntries(Object.entries(manifest.node).map(([id, entry]) => [entry.exportedName ?? id, id]));
}

/** Call a server action the way the browser does (React's reply encoding). */
function callAction(as: APIRequestContext, page: string, id: string, args: unknown[]): Promise<APIResponse> {
  return as.post(page, {
    headers: { "Next-Action": id, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
}

function callFormAction(
  as: APIRequestContext,
  page: string,
  id: string,
  fields: Record<string, string>,
  leadingArgs: string[] = [],
) {
  // The fields go before the root ("0"), as the browser sends them: the server resolves the
  // form-data reference when it reads the root, from the fields it has read so far. (A plain
  // object would put "0", an integer-like key, first, and the action would see empty fields.)
  const multipart = new FormData();
  for (const [name, value] of Object.entries(fields)) multipart.append(`_1_${name}`, value);
  multipart.append("0", JSON.stringify([...leadingArgs, { message: null, fieldErrors: {}, values: {} }, "$K1"]));
  return as.post(page, { headers: { "Next-Action": id, Accept: "text/x-component" }, multipart, maxRedirects: 0 });
}

async function outcomeOf(response: APIResponse, body: string, refusedResult?: RegExp): Promise<Outcome> {
  const status = response.status();
  const location = response.headers()["location"] ?? response.headers()["x-action-redirect"] ?? "";
  if (location.startsWith("/login")) return "login";
  if ([303, 307, 308].includes(status) || (location !== "" && status === 200))
    return location.startsWith("/;") || location === "/" ? "home" : "ok";
  if (status === 401) return "login";
  if (status === 403) return "forbidden";
  if (status === 404) return "hidden";
  if (status >= 400 && status < 500) return "invalid";
  if (status >= 200 && status < 300) return refusedResult?.test(body) ? "invalid" : "ok";
  return "ok";
}

/** Distinctive lines of the exercise's hidden files (no quotes or markup: they appear unescaped). */
function hiddenLines(): { file: string; line: string }[] {
  const dir = path.join("exercises", EXERCISE);
  const visible =
    readFileSync(path.join(dir, "starter.ts"), "utf8") + readFileSync(path.join(dir, "statement.md"), "utf8");
  const files = ["reference.ts", "harness.ts"];
  for (const sub of ["mutants", "fakes"]) {
    try {
      files.push(...readdirSync(path.join(dir, sub)).map((name) => path.join(sub, name)));
    } catch {
      // no such folder in this exercise
    }
  }
  return files.flatMap((file) =>
    readFileSync(path.join(dir, file), "utf8")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line.length >= 24 && !/["'<>&`\\]/.test(line) && !visible.includes(line))
      .slice(0, 8)
      .map((line) => ({ file, line })),
  );
}

test("authorization matrix: every page, action and API route × anonymous, student, other student, other instructor, instructor, admin", async ({
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const contexts = Object.fromEntries(
    await Promise.all(ROLES.map(async (role) => [role, await playwright.request.newContext({ baseURL })])),
  ) as Record<Role, APIRequestContext>;

  // The accounts: two fresh students, the demo instructor, and an admin made the way an operator
  // makes one (npm run account:create) in the server's database.
  await signUpByApi(contexts.student, "matrix-student");
  await signUpByApi(contexts.otherStudent, "matrix-other");
  expect((await logInByApi(contexts.instructor, DEMO_INSTRUCTOR.email, DEMO_INSTRUCTOR.password)).status()).toBe(200);
  // Staff accounts are made the way an operator makes them (npm run account:create).
  for (const [role, as] of [
    ["admin", contexts.admin],
    ["instructor", contexts.otherInstructor],
  ] as const) {
    const account = { email: `matrix-${role}-${Date.now()}@example.com`, password: `a-${role}-password` };
    execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/create-account.ts",
        "--email",
        account.email,
        "--name",
        `Matrix ${role}`,
        "--role",
        role,
      ],
      {
        input: account.password,
        env: { ...process.env, DATABASE_URL: `file:${path.join(process.env.E2E_DIR!, "e2e.db")}` },
        stdio: ["pipe", "pipe", "inherit"],
      },
    );
    expect((await logInByApi(as, account.email, account.password)).status()).toBe(200);
  }

  // The student's submission, with a secret nobody else may read.
  const ids = actionIds();
  const secret = `secret-of-the-first-student-${Date.now()}`;
  const stored = await callAction(contexts.student, `/exercises/${EXERCISE}`, ids.submitSolutionAction!, [
    EXERCISE,
    `// ${secret}\nexport {};\n`,
  ]);
  const submissionId = (await stored.text()).match(/"ok":true,"id":"([^"]+)"/)?.[1];
  expect(submissionId, "the student's submission should be stored").toBeTruthy();

  // The courses: the demo instructor's (the student enrolled, the exercise in it), and another
  // instructor's with the other student.
  async function makeCourse(owner: APIRequestContext, member: APIRequestContext, title: string): Promise<string> {
    const created = await callFormAction(owner, "/courses", ids.createCourseAction!, { title, lateKind: "none" });
    const courseId = (created.headers()["x-action-redirect"] ?? "").match(/\/courses\/([^/;?]+)\/manage/)?.[1];
    expect(courseId, `${title} should be created (${created.status()})`).toBeTruthy();
    const manage = await (await owner.get(`/courses/${courseId}/manage`)).text();
    const code = manage.match(/data-testid="join-code">([A-Z0-9]+)</)?.[1];
    expect(code, "the settings page should show the join code").toBeTruthy();
    const joined = await callFormAction(member, "/courses", ids.joinCourseAction!, { code: code! });
    expect(joined.headers()["x-action-redirect"] ?? "").toContain(`/courses/${courseId}`);
    return courseId!;
  }
  const courseId = await makeCourse(contexts.instructor, contexts.student, "Matrix course");
  await makeCourse(contexts.otherInstructor, contexts.otherStudent, "Another course");
  const added = await callFormAction(
    contexts.instructor,
    `/courses/${courseId}/manage`,
    ids.setCourseExerciseAction!,
    { slug: EXERCISE, dueAt: "" },
    [courseId],
  );
  expect(await added.text()).toContain("Exercise added.");
  const joinCode = (await (await contexts.instructor.get(`/courses/${courseId}`)).text()).match(
    /data-testid="join-code">([A-Z0-9]+)</,
  )?.[1];
  const studentId = (await (await contexts.instructor.get(`/courses/${courseId}/gradebook`)).text()).match(
    new RegExp(`/courses/${courseId}/students/([A-Za-z0-9_-]+)`),
  )?.[1];
  expect(studentId, "the grade book should list the student").toBeTruthy();
  const course = `/courses/${courseId}`;
  // Instructor pages and actions of the course: its staff only.
  const staffOnly: Record<Role, Outcome> = {
    anonymous: "login",
    student: "forbidden",
    otherStudent: "hidden",
    otherInstructor: "hidden",
    instructor: "ok",
    admin: "ok",
  };
  const members: Record<Role, Outcome> = { ...staffOnly, student: "ok" };

  const rows: Row[] = [
    { route: "GET /", call: (as) => as.get("/"), expected: all("ok") },
    {
      route: "GET /login",
      call: (as) => as.get("/login", { maxRedirects: 0 }),
      expected: { ...all("home"), anonymous: "ok" },
    },
    {
      route: "GET /signup",
      call: (as) => as.get("/signup", { maxRedirects: 0 }),
      expected: { ...all("home"), anonymous: "ok" },
    },
    { route: "GET /account", call: (as) => as.get("/account", { maxRedirects: 0 }), expected: loggedIn("ok") },
    {
      route: "GET /instructor",
      call: (as) => as.get("/instructor", { maxRedirects: 0 }),
      expected: {
        anonymous: "login",
        student: "forbidden",
        otherStudent: "forbidden",
        otherInstructor: "ok",
        instructor: "ok",
        admin: "ok",
      },
    },
    {
      route: `GET /exercises/${EXERCISE}`,
      call: (as) => as.get(`/exercises/${EXERCISE}`, { maxRedirects: 0 }),
      expected: loggedIn("ok"),
    },
    {
      route: `GET /exercises/${EXERCISE}?submission=<student's>`,
      call: (as) => as.get(`/exercises/${EXERCISE}?submission=${submissionId}`, { maxRedirects: 0 }),
      expected: loggedIn("ok"),
    },
    {
      route: "GET /exercises/<unknown>",
      call: (as) => as.get("/exercises/no-such-exercise", { maxRedirects: 0 }),
      expected: loggedIn("hidden"),
    },
    {
      route: "GET /api/submissions/<student's>",
      call: (as) => as.get(`/api/submissions/${submissionId}`),
      // An instructor reads a student's work only through a course they teach (issue 16).
      expected: {
        anonymous: "login",
        student: "ok",
        otherStudent: "hidden",
        otherInstructor: "hidden",
        instructor: "ok",
        admin: "ok",
      },
    },
    {
      route: "GET /api/submissions/<unknown>",
      call: (as) => as.get("/api/submissions/does-not-exist"),
      expected: loggedIn("hidden"),
    },
    { route: "GET /courses", call: (as) => as.get("/courses", { maxRedirects: 0 }), expected: loggedIn("ok") },
    {
      route: "GET /courses/join/<code>",
      call: (as) => as.get(`/courses/join/${joinCode}`, { maxRedirects: 0 }),
      expected: loggedIn("ok"),
    },
    { route: "GET /courses/<id>", call: (as) => as.get(course, { maxRedirects: 0 }), expected: members },
    {
      route: "GET /courses/<unknown>",
      call: (as) => as.get("/courses/no-such-course", { maxRedirects: 0 }),
      expected: loggedIn("hidden"),
    },
    ...[
      "/manage",
      "/insight",
      `/insight/${EXERCISE}`,
      "/gradebook",
      `/students/${studentId}?submission=${submissionId}`,
    ].map(
      (page): Row => ({
        route: `GET /courses/<id>${page.replace(studentId!, "<student>").replace(submissionId!, "<id>")}`,
        call: (as) => as.get(`${course}${page}`, { maxRedirects: 0 }),
        expected: staffOnly,
      }),
    ),
    {
      route: "GET /api/courses/<id>/gradebook.csv",
      call: (as) => as.get(`/api${course}/gradebook.csv`),
      expected: staffOnly,
    },
    {
      route: "POST /api/auth/login (empty fields)",
      call: (as) =>
        as.post("/api/auth/login", { data: { email: "", password: "" }, headers: { Accept: "application/json" } }),
      expected: all("invalid"),
    },
    {
      route: "POST /api/auth/signup (bad fields)",
      call: (as) =>
        as.post("/api/auth/signup", { data: { email: "x", password: 1 }, headers: { Accept: "application/json" } }),
      expected: all("invalid"),
    },
    {
      route: "action submitSolution",
      call: (as) => callAction(as, `/exercises/${EXERCISE}`, ids.submitSolutionAction!, [EXERCISE, "export {};\n"]),
      expected: loggedIn("ok"),
    },
    {
      route: "action submitSolution (bad input)",
      call: (as) => callAction(as, `/exercises/${EXERCISE}`, ids.submitSolutionAction!, [{ slug: 1 }, ""]),
      expected: loggedIn("invalid"),
      refusedResult: /"ok":false/,
    },
    {
      route: "action changePassword (wrong current password)",
      call: (as) =>
        callFormAction(as, "/account", ids.changePasswordAction!, {
          currentPassword: "not-it",
          newPassword: "whatever-long",
        }),
      expected: loggedIn("invalid"),
      refusedResult: /"fieldErrors":\{"currentPassword"/,
    },
    {
      route: "action createCourse",
      call: (as) =>
        callFormAction(as, "/courses", ids.createCourseAction!, { title: "Matrix extra", lateKind: "none" }),
      expected: { ...loggedIn("ok"), student: "forbidden", otherStudent: "forbidden" },
    },
    {
      route: "action createCourse (no title)",
      call: (as) => callFormAction(as, "/courses", ids.createCourseAction!, { title: "", lateKind: "none" }),
      expected: { ...loggedIn("invalid"), student: "forbidden", otherStudent: "forbidden" },
      refusedResult: /"fieldErrors":\{"title"/,
    },
    {
      route: "action joinCourse (unknown code)",
      call: (as) => callFormAction(as, "/courses", ids.joinCourseAction!, { code: "NOSUCHCODE" }),
      expected: loggedIn("invalid"),
      refusedResult: /"fieldErrors":\{"code"/,
    },
    {
      route: "action updateCourse",
      call: (as) =>
        callFormAction(as, `${course}/manage`, ids.updateCourseAction!, { title: "Matrix course", lateKind: "none" }, [
          courseId,
        ]),
      expected: staffOnly,
    },
    {
      route: "action setCourseExercise",
      call: (as) =>
        callFormAction(as, `${course}/manage`, ids.setCourseExerciseAction!, { slug: EXERCISE, dueAt: "" }, [courseId]),
      expected: staffOnly,
    },
    {
      route: "action removeCourseExercise (not in the course)",
      call: (as) => callAction(as, `${course}/manage`, ids.removeCourseExerciseAction!, [courseId, "no-such-exercise"]),
      expected: staffOnly,
    },
    {
      route: "action regradeSubmission",
      call: (as) =>
        callAction(as, `${course}/insight/${EXERCISE}`, ids.regradeSubmissionAction!, [courseId, submissionId]),
      expected: staffOnly,
    },
    {
      route: "action regradeExercise",
      call: (as) => callAction(as, `${course}/insight/${EXERCISE}`, ids.regradeExerciseAction!, [courseId, EXERCISE]),
      expected: staffOnly,
    },
    {
      route: "action logOut",
      call: (as) => callAction(as, "/", ids.logOutAction!, []),
      expected: all("home"),
    },
    // Last: it ends the sessions the rows above used.
    {
      route: "action logOutEverywhere",
      call: (as) => callAction(as, "/account", ids.logOutEverywhereAction!, []),
      expected: all("login"),
    },
  ];

  const forbiddenText = hiddenLines();
  expect(forbiddenText.length, "the exercise's hidden files should give lines to look for").toBeGreaterThan(5);
  const mismatches: string[] = [];
  const leaks: string[] = [];
  const secretSeenBy = new Set<Role>();
  for (const row of rows) {
    for (const role of ROLES) {
      // logOut would end the session the last row needs: give it a throwaway copy of the cookie.
      const as =
        row.route === "action logOut"
          ? await playwright.request.newContext({ baseURL, storageState: await contexts[role].storageState() })
          : contexts[role];
      const response = await row.call(as);
      const body = await response.text();
      const outcome = await outcomeOf(response, body, row.refusedResult);
      if (outcome !== row.expected[role]) {
        mismatches.push(
          `${row.route} as ${role}: expected ${row.expected[role]}, got ${outcome} (${response.status()})`,
        );
      }
      if (body.includes(secret)) secretSeenBy.add(role);
      const student = role === "anonymous" || role === "otherStudent" || role === "student";
      const outsider = role === "anonymous" || role === "otherStudent" || role === "otherInstructor";
      if (outsider && body.includes(secret)) leaks.push(`${row.route} as ${role}: another student's code`);
      if (student) {
        for (const { file, line } of forbiddenText) {
          if (body.includes(line)) leaks.push(`${row.route} as ${role}: ${file} (${line})`);
        }
      }
      if (as !== contexts[role]) await as.dispose();
    }
  }
  // The log-out-everywhere row must really have ended every session.
  for (const role of ROLES.filter((r) => r !== "anonymous")) {
    expect((await contexts[role].get("/account", { maxRedirects: 0 })).status(), role).toBe(307);
  }
  const cells = rows.length * ROLES.length;
  console.log(
    `authorization matrix: ${rows.length} routes × ${ROLES.length} roles = ${cells} cells, ${mismatches.length} wrong, ${leaks.length} leaks`,
  );
  expect(mismatches).toEqual([]);
  expect(leaks).toEqual([]);
  // The leak check can see the secret: its owner and the staff do read it.
  expect([...secretSeenBy].sort()).toEqual(["admin", "instructor", "student"]);
  for (const context of Object.values(contexts)) await context.dispose();
});
