// Issue 14: reports about asyncio name the task that raised, and a deadlock says which task
// had already died (often why the others wait forever).

import { describe, expect, it } from "vitest";
import { runOnce } from "../../testing";

const main = (body: string) =>
  `import { asyncio, assert } from "interleave";\nexport default async function main() {\n${body}\n}\n`;

describe("an error inside a task names the task", () => {
  it("an awaited task's error is reported as the task's, reaching its awaiter", () => {
    const r = runOnce(
      main(`
  await asyncio.run(async () => {
    const t = asyncio.createTask(async () => { await asyncio.sleep(1); throw new Error("no page"); }, { name: "fetcher" });
    await asyncio.gather(t);
  });
`),
    );
    expect(r.outcome.kind).toBe("error");
    expect(r.outcome.message).toMatch(/^fetcher raised Error: no page \(MainThread awaited it\)/);
  });

  it("an error raised by the thread itself is still that thread's alone", () => {
    const r = runOnce(
      main(`  await asyncio.run(async () => { await asyncio.sleep(1); });\n  throw new Error("mine");`),
    );
    expect(r.outcome.kind).toBe("error");
    expect(r.outcome.message).toMatch(/^MainThread raised Error: mine/);
    expect(r.outcome.message).not.toMatch(/awaited it/);
  });
});

describe("a deadlock mentions a task that had already died", () => {
  it("fires when the task that would have set the event raised first", () => {
    const r = runOnce(
      main(`
  await asyncio.run(async () => {
    const ready = new asyncio.Event("ready");
    asyncio.createTask(async () => { await asyncio.sleep(1); throw new Error("boom"); ready.set(); }, { name: "producer" });
    await ready.wait();
  });
`),
    );
    expect(r.outcome.kind).toBe("deadlock");
    expect(r.outcome.message).toMatch(/Note: producer had already ended with Error: boom\.$/);
  });

  it("stays quiet when no task died", () => {
    const r = runOnce(
      main(`
  await asyncio.run(async () => {
    const ready = new asyncio.Event("ready");
    asyncio.createTask(async () => { await asyncio.sleep(1); }, { name: "producer" });
    await ready.wait();
  });
`),
    );
    expect(r.outcome.kind).toBe("deadlock");
    expect(r.outcome.message).not.toMatch(/Note:/);
  });
});

describe("a missing await gets advice for the code it is in", () => {
  const missing = (inTask: boolean) =>
    runOnce(
      `import { asyncio, Shared } from "interleave";\nexport default async function main() {\n` +
        (inTask
          ? `  await asyncio.run(async () => { const c = new Shared(0); c.set(1); await c.get(); });\n}\n`
          : `  const c = new Shared(0); c.set(1); await c.get();\n}\n`),
    ).outcome.message;

  it("in a task: create tasks or gather, not threads", () => {
    const m = missing(true);
    expect(m).toMatch(/was an `await` missing\?/);
    expect(m).toMatch(/create tasks \(asyncio\.createTask\) or gather/);
    expect(m).not.toMatch(/thread/i);
  });

  it("in a thread: start threads, no asyncio", () => {
    const m = missing(false);
    expect(m).toMatch(/start threads/);
    expect(m).not.toMatch(/asyncio|task/);
  });
});
