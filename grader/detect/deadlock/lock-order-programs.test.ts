// The lock-order (potential deadlock) detector inside real programs: where it must fire and
// where it must stay quiet.

import { describe, expect, it } from "vitest";
import { exploreSource } from "../../testing";

const philosophers = (butler: string) => `import { Lock, Semaphore, spawn } from "interleave";
export default async function main() {
  const n = 5;
  const forks = Array.from({ length: n }, (_, i) => new Lock("fork" + i));
  const butler = new Semaphore(${butler}, "butler");
  const ts = Array.from({ length: n }, (_, p) => spawn(async () => {
    for (let m = 0; m < 2; m++) {
      await butler.acquire();
      try {
        await using _l = await forks[p]!.hold();
        await using _r = await forks[(p + 1) % n]!.hold();
      } finally { butler.release(); }
    }
  }, "P" + p));
  for (const t of ts) await t.join();
}`;

describe("lock-order detection in programs", () => {
  it("quiet: Dijkstra's butler (a semaphore of n-1 permits) gates the fork cycle", () => {
    expect(exploreSource(philosophers("n - 1"), { runs: 300 }).verdict).toBe("passed");
  });

  it("fires: a butler that lets all n in does not", () => {
    const r = exploreSource(philosophers("n"), { runs: 300 });
    expect(r.verdict).toBe("deadlock");
    const outcome = r.failure!.outcome;
    expect(outcome.kind === "potential-deadlock" ? outcome.lockOrder : []).toHaveLength(5);
  });

  it("quiet: a timed acquisition adds no edge, even while other threads take the same lock blocking", () => {
    const src = `import { Lock, sleep, spawn } from "interleave";
export default async function main() {
  const A = new Lock("A"), B = new Lock("B");
  const holder = spawn(async () => { await B.acquire(); await sleep(5); await B.release(); }, "Holder");
  const polite = spawn(async () => { await sleep(1); await A.acquire();
    if (await B.acquire({ timeout: 100 })) await B.release(); await A.release(); }, "Polite");
  const other = spawn(async () => { await sleep(2); await B.acquire(); await B.release(); }, "Other");
  const legacy = spawn(async () => { await sleep(20); await B.acquire(); await A.acquire(); await A.release(); await B.release(); }, "Legacy");
  for (const t of [holder, polite, other, legacy]) await t.join();
}`;
    expect(exploreSource(src, { runs: 200 }).verdict).toBe("passed");
  });

  it("fires: the same program with a blocking inner acquisition", () => {
    const src = `import { Lock, sleep, spawn } from "interleave";
export default async function main() {
  const A = new Lock("A"), B = new Lock("B");
  const polite = spawn(async () => { await sleep(1); await A.acquire(); await B.acquire(); await B.release(); await A.release(); }, "Polite");
  const legacy = spawn(async () => { await sleep(20); await B.acquire(); await A.acquire(); await A.release(); await B.release(); }, "Legacy");
  for (const t of [polite, legacy]) await t.join();
}`;
    expect(exploreSource(src, { runs: 50 }).verdict).toBe("deadlock");
  });

  it("quiet, with a warning: a readers–writer lock whose cycle the reader count keeps open (DeadlockFuzzer cannot close it)", () => {
    const src = `import { Lock, spawn } from "interleave";
const countLock = new Lock("countLock");
const resource = new Lock("resource");
let readers = 0;
async function acquireRead() { await using _ = await countLock.hold(); readers++; if (readers === 1) await resource.acquire(); }
async function releaseRead() { await using _ = await countLock.hold(); readers--; if (readers === 0) await resource.release(); }
export default async function main() {
  const ts = [1, 2].map((n) => spawn(async () => { for (let i = 0; i < 2; i++) { await acquireRead(); await releaseRead(); } }, "Reader-" + n));
  for (const t of ts) await t.join();
}`;
    const r = exploreSource(src, { runs: 100 });
    expect(r.verdict).toBe("passed");
    expect(r.warnings.join(" ")).toMatch(/countLock.*resource|resource.*countLock/);
  });

  it("self-deadlock on a non-reentrant Lock says so", () => {
    const src = `import { Lock } from "interleave";
export default async function main() { const l = new Lock("l"); await l.acquire(); await l.acquire(); }`;
    const r = exploreSource(src, { runs: 1 });
    expect(r.verdict).toBe("deadlock");
    expect(r.failure!.message).toMatch(/already holds/);
  });
});

describe("fairness under PCT", () => {
  it("quiet: timed back-off against a lock holder is not starvation under PCT", () => {
    const src = `import { Lock, sleep, spawn } from "interleave";
export default async function main() {
  const A = new Lock("A"), B = new Lock("B");
  const legacy = spawn(async () => { await B.acquire(); await sleep(2); await A.acquire(); await A.release(); await B.release(); }, "Legacy");
  const workers = [1, 2].map((w) => spawn(async () => {
    for (;;) { await A.acquire(); if (await B.acquire({ timeout: 5 })) break;
               await A.release(); await sleep(1 + Math.floor(Math.random() * 5)); }
    await B.release(); await A.release(); }, "Worker-" + w));
  await legacy.join(); for (const w of workers) await w.join();
}`;
    const r = exploreSource(src, { strategy: "pct", runs: 150, maxSteps: 20_000 });
    expect(r.verdict).toBe("passed");
  });
});
