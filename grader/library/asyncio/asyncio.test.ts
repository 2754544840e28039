// asyncio and simulated I/O (issue 5).

import { describe, expect, it } from "vitest";
import { baseConfig } from "../../explore/explore";
import { Session } from "../../isolate/session";
import { exploreSource, runOnce } from "../../testing";

const header = `import { asyncio, io, spawn, work, sleep, now, assert, Shared } from "interleave";\n`;
const main = (body: string, preamble = "") =>
  `${header}${preamble}\nexport default async function main() {\n${body}\n}\n`;

function passes(src: string, config = {}) {
  const r = runOnce(src, config);
  expect(r.outcome.kind, r.outcome.message).toBe("passed");
  return r;
}

describe("asyncio: tasks on one event loop", () => {
  it("100 simulated requests of 100 ms through a semaphore of 10 take about 1,000 ms", () => {
    const r = passes(
      main(`
  const urls = Array.from({ length: 100 }, (_, i) => "https://example.com/page/" + i);
  const web = new io.Web(Object.fromEntries(urls.map((u) => [u, { latency: 100 }])));
  const statuses = await asyncio.run(async () => {
    const limit = new asyncio.Semaphore(10);
    const get = async (url: string) => { await using _ = await limit.hold(); return (await web.fetch(url)).status; };
    return asyncio.gather(...urls.map((u) => () => get(u)));
  });
  assert(statuses.length === 100 && statuses.every((s) => s === 200), "all fetched");
  assert(web.log.every((r) => r.end - r.start === 100), "each took 100 ms");
`),
    );
    expect(r.time).toBeGreaterThanOrEqual(1000);
    expect(r.time).toBeLessThan(1001);
  });

  it("tasks start in order and switch only where they await something that blocks", () => {
    passes(
      main(`
  const log: string[] = [];
  await asyncio.run(async () => {
    const a = asyncio.createTask(async () => { log.push("a1"); await asyncio.sleep(0); log.push("a2"); });
    const b = asyncio.createTask(async () => { log.push("b1"); await asyncio.sleep(0); log.push("b2"); });
    log.push("main");
    await a; await b;
  });
  assert(log.join() === "main,a1,b1,a2,b2", log.join());
`),
    );
  });

  it("no schedule interleaves two tasks between non-blocking awaits (unlike threads)", () => {
    const counter = (between: string) =>
      main(`
  const c = new Shared(0, "c");
  await asyncio.run(async () => {
    const inc = async () => { for (let i = 0; i < 5; i++) { const v = await c.get(); ${between} await c.set(v + 1); } };
    await asyncio.gather(inc, inc, inc);
  });
  assert((await c.get()) === 15, "lost updates: " + (await c.get()));
`);
    expect(exploreSource(counter(""), { runs: 200 }).verdict).toBe("passed");
    // An await that blocks is a switch: the read-modify-write is no longer atomic.
    expect(exploreSource(counter("await asyncio.sleep(1);"), { runs: 20 }).verdict).toBe("wrong-answer");
  });

  it("a blocking call in a task blocks the whole loop; asyncio.sleep does not", () => {
    const twoSleepers = (call: string) =>
      main(`await asyncio.run(() => asyncio.gather(() => ${call}, () => ${call}));`);
    expect(passes(twoSleepers("sleep(100)")).time).toBe(200);
    expect(passes(twoSleepers("asyncio.sleep(100)")).time).toBe(100);
    expect(passes(twoSleepers("work(100)"), { cores: 4 }).time).toBe(200);
  });

  it("waitFor cancels the task when the timeout expires and raises TimeoutError", () => {
    passes(
      main(`
  const outcome = await asyncio.run(async () => {
    let cleanedUp = false;
    const slow = asyncio.createTask(async () => { try { await asyncio.sleep(1000); } finally { cleanedUp = true; } });
    try { await asyncio.waitFor(slow, 50); return "no timeout"; }
    catch (e) { return (e as Error).name + " cancelled=" + slow.cancelled() + " cleanedUp=" + cleanedUp + " at " + now(); }
  });
  assert(outcome === "TimeoutError cancelled=true cleanedUp=true at 50", outcome);
  const fast = await asyncio.run(() => asyncio.waitFor(async () => { await asyncio.sleep(10); return "ok"; }, 50));
  assert(fast === "ok", fast);
`),
    );
  });

  it("gather: the first exception, or every outcome with returnExceptions", () => {
    passes(
      main(`
  const boom = async () => { await asyncio.sleep(5); throw new RangeError("boom"); };
  const slow = async () => { await asyncio.sleep(20); return 2; };
  const all = await asyncio.run(() => asyncio.gather(async () => 1, boom, slow, { returnExceptions: true }));
  assert(all[0] === 1 && (all[1] as Error).message === "boom" && all[2] === 2, String(all));
  const raised = await asyncio.run(async () => { try { await asyncio.gather(slow, boom); return "none"; } catch (e) { return (e as Error).message + "@" + now(); } });
  assert(raised === "boom@25", raised);
`),
    );
  });

  it("a task whose exception nobody retrieves fails the run with the task's name", () => {
    const r = runOnce(
      main(
        `await asyncio.run(async () => { asyncio.createTask(async () => { throw new TypeError("lost"); }, { name: "Forgotten" }); await asyncio.sleep(1); });`,
      ),
    );
    expect(r.outcome.kind).toBe("error");
    expect(r.outcome.message).toContain("Forgotten raised TypeError: lost and nobody awaited it");
  });

  it("gather retrieves the later failures of its children (no 'nobody awaited it' after the first one)", () => {
    const r = runOnce(
      main(
        `const caught = await asyncio.run(async () => {
  const boom = (ms: number) => async () => { await asyncio.sleep(ms); throw new RangeError("boom after " + ms); };
  try { await asyncio.gather(boom(10), boom(20)); return "no error"; } catch (e) { await asyncio.sleep(50); return (e as Error).message; }
});
assert(caught === "boom after 10", caught);`,
      ),
    );
    expect(r.outcome.kind).toBe("passed");
  });

  it("passing a running promise where a coroutine function is expected is a clear TypeError", () => {
    const r = runOnce(main(`await asyncio.run(async () => { await asyncio.gather(asyncio.sleep(1) as any); });`));
    expect(r.outcome.message).toMatch(/gather takes tasks or functions that start coroutines/);
  });

  it("Lock is FIFO, Queue hands items from producers to consumers, Event wakes every waiter", () => {
    passes(
      main(`
  await asyncio.run(async () => {
    const lock = new asyncio.Lock();
    const order: number[] = [];
    await asyncio.gather(...[1, 2, 3].map((i) => async () => { await using _ = await lock.hold(); await asyncio.sleep(10); order.push(i); }));
    assert(order.join() === "1,2,3" && now() === 30, order.join() + " at " + now());

    const q = new asyncio.Queue<number>(2);
    const got: number[] = [];
    const producer = async () => { for (let i = 0; i < 5; i++) await q.put(i); await q.put(-1); };
    const consumer = async () => { for (;;) { const x = await q.get(); q.taskDone(); if (x < 0) break; got.push(x); await asyncio.sleep(1); } };
    await asyncio.gather(producer, consumer);
    assert(got.join() === "0,1,2,3,4", got.join());

    const ev = new asyncio.Event();
    const waiters = [1, 2].map(() => asyncio.createTask(() => ev.wait()));
    await asyncio.sleep(5);
    ev.set();
    assert((await asyncio.gather(...waiters)).every((x) => x === true), "woken");
  });
`),
    );
  });

  it("two tasks waiting for each other are a deadlock, with the cycle named", () => {
    const r = exploreSource(
      main(`
  await asyncio.run(async () => {
    const a = new asyncio.Event("a"), b = new asyncio.Event("b");
    await asyncio.gather(async () => { await a.wait(); b.set(); }, async () => { await b.wait(); a.set(); });
  });
`),
      { runs: 5 },
    );
    expect(r.verdict).toBe("deadlock");
  });

  it("a task and a thread run side by side; the same program always gives the same trace", () => {
    const src = main(`
  const t = spawn(async () => { for (let i = 0; i < 3; i++) await sleep(7); }, "Ticker");
  await asyncio.run(() => asyncio.gather(async () => { await asyncio.sleep(10); }, async () => { await asyncio.sleep(4); }));
  await t.join();
`);
    const a = passes(src);
    const b = passes(src);
    expect(a.time).toBe(21);
    expect(JSON.stringify(a.trace)).toBe(JSON.stringify(b.trace));
  });
});

describe("simulated I/O", () => {
  it("failures are deterministic: the same requests fail whatever the interleaving", () => {
    const src = main(`
  const web = new io.Web({ "/flaky": { latency: [5, 15], failRate: 0.3 }, "/down": { failOn: [0, 2], failWith: 503 } }, { seed: 7 });
  const outcomes: string[] = [];
  await asyncio.run(() => asyncio.gather(...Array.from({ length: 10 }, () => async () => {
    try { const r = await web.fetch("/flaky"); outcomes.push("ok" + r.latency); } catch (e) { outcomes.push((e as Error).name); }
  })));
  const down = [];
  for (let i = 0; i < 3; i++) down.push((await web.fetch("/down")).status);
  assert(down.join() === "503,200,503", down.join());
  assert(false, outcomes.sort().join());
`);
    const a = runOnce(src).outcome.message;
    const b = exploreSource(src, { runs: 30 }).failure!.message;
    expect(a).toBe(b);
    expect(a).toMatch(/ConnectionError/);
    expect(a).toMatch(/ok\d/);
  });

  it("a server's clients arrive on time and every request's latency is measured", () => {
    const r = passes(
      main(`
  const server = new io.Server({ clients: [0, 5, 10].map((at) => ({ at, requests: ["ping", "ping"] })) });
  const handle = async (c: io.ServerConnection) => {
    for (;;) { const line = await c.readLine(); if (line === null) break; await work(3); await c.writeLine(line === "ping" ? "pong" : "?"); }
    c.close();
  };
  const handlers = [];
  for (;;) { const c = await server.accept(); if (!c) break; handlers.push(spawn(() => handle(c), "handler-" + c.peer)); }
  for (const h of handlers) await h.join();
  const reqs = server.requests;
  assert(reqs.length === 6 && reqs.every((q) => q.response === "pong"), JSON.stringify(reqs));
  assert(reqs.every((q) => q.latency === 3), "on 4 cores every request takes its 3 ms of work: " + reqs.map((q) => q.latency));
`),
    );
    expect(r.metrics?.request).toMatchObject({ count: 6, p50: 3, p95: 3, max: 3 });
  });

  it("a harness may record measurements; a graded solution cannot reach measure()", () => {
    const files = (solution: string) => [
      { name: "solution.ts", displayName: "mine.ts", source: solution },
      {
        name: "harness.ts",
        displayName: "harness.ts",
        source: `import { measure } from "interleave/harness";\nimport { serve } from "./solution";\nexport async function check() { measure("request", 5); await serve(); }`,
        deps: { "./solution": "solution.ts", "interleave/harness": "interleave:harness" },
      },
    ];
    const run = (solution: string) => {
      const s = Session.create(files(solution));
      try {
        return s.runSchedule({
          ...baseConfig({ cores: 4, maxSteps: 10_000, entryModule: "harness.ts", entryExport: "check" }),
          trace: false,
        });
      } finally {
        s.dispose();
      }
    };
    const honest = run("export async function serve() {}");
    expect(honest.outcome.kind).toBe("passed");
    expect(honest.metrics?.request?.count).toBe(1);
    // Not in "interleave" any more...
    const fromApi = run(
      `import * as il from "interleave";\nexport async function serve() { (il as any).measure("request", 0); }`,
    );
    expect(fromApi.outcome.kind).toBe("error");
    expect(fromApi.metrics?.request?.count ?? 0).toBe(1);
    // ...and the harness's own module is not the solution's to import.
    const imported = run(
      `import { measure } from "interleave/harness";\nexport async function serve() { measure("request", 0); }`,
    );
    expect(imported.outcome.kind).toBe("error");
    expect(imported.outcome.message).toMatch(/interleave\/harness.*exercise harnesses/);
  });
});
