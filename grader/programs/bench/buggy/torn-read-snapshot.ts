// BUG (inconsistent snapshot): the writer moves the point under a lock, but the reader reads
// x and y without it. A reader that runs between the two writes sees a point that was never
// on the line y = 2x. Needs 1 preemption: the writer preempted between its two writes.
import { Lock, Shared, spawn, assert } from "interleave";

const lock = new Lock("pointLock");
const x = new Shared(0, "x");
const y = new Shared(0, "y");
const seen: string[] = [];

async function mover() {
  for (let i = 1; i <= 3; i++) {
    await using _ = await lock.hold();
    await x.set(i);
    await y.set(2 * i);
  }
}

async function sampler() {
  for (let i = 0; i < 3; i++) {
    const px = await x.get(); // should hold the lock for both reads
    const py = await y.get();
    seen.push(`(${px},${py})`);
  }
}

export default async function main() {
  const m = spawn(mover, "Mover");
  const s = spawn(sampler, "Sampler");
  await m.join();
  await s.join();
  const bad = seen.filter((p) => {
    const [px, py] = p.slice(1, -1).split(",").map(Number);
    return py !== 2 * px!;
  });
  assert(bad.length === 0, `the sampler saw points off the line y = 2x: ${bad.join(" ")}`);
}
