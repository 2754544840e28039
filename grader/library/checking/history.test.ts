import { describe, expect, it } from "vitest";
import { exploreSource } from "../../testing";

const header = `import { History, assertLinearizable, models, spawn, Shared, Lock } from "interleave";`;

// A "queue" whose enqueue is a read-modify-write of a shared array without a lock.
const racyQueue = `${header}
class Q {
  items = new Shared<number[]>([], "items");
  lock: Lock | null;
  constructor(locked: boolean) { this.lock = locked ? new Lock("q") : null; }
  async enqueue(v: number) { await this.lock?.acquire(); const xs = await this.items.get(); await this.items.set([...xs, v]); this.lock?.release(); }
  async dequeue() { await this.lock?.acquire(); const xs = await this.items.get(); await this.items.set(xs.slice(1)); this.lock?.release(); return xs.length ? xs[0] : null; }
}
export default async function main() {
  const q = new Q(LOCKED);
  const h = new History<any, any>();
  const a = spawn(async () => { for (let i = 1; i <= 2; i++) await h.record({ op: "enqueue", value: i }, () => q.enqueue(i)); }, "A");
  const b = spawn(async () => { for (let i = 3; i <= 4; i++) await h.record({ op: "enqueue", value: i }, () => q.enqueue(i)); }, "B");
  await a.join(); await b.join();
  for (let i = 0; i < 4; i++) await h.record({ op: "dequeue" }, () => q.dequeue());
  assertLinearizable(models.queue(), h);
}
`;

describe("linearizability in harnesses", () => {
  it("a locked queue is linearizable on every schedule", () => {
    const r = exploreSource(racyQueue.replace("LOCKED", "true"), { runs: 150 });
    expect(r.verdict).toBe("passed");
  });

  it("an unlocked queue loses an enqueue: not linearizable, with a minimal history naming the threads", () => {
    // Race detection is off here so that the linearizability check itself must fire.
    const r = exploreSource(racyQueue.replace("LOCKED", "false"), { runs: 300, detectors: false });
    expect(r.verdict).toBe("race");
    expect(r.failure!.message).toMatch(/Not linearizable/);
    expect(r.failure!.message).toMatch(/MainThread|A|B/);
  });
});
