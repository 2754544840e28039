// Attack: make a schedule depend on real time and real randomness (it must not: replay is exact)
// Kind: determinism
// Target: run
// Expect: one-of race wrong-answer
import { Shared, Thread, assert } from "interleave";
export default async function main() {
  const total = new Shared(0, "total");
  const stamp = `${Date.now()} ${new Date().toISOString()} ${Math.random()}`;
  const add = async () => {
    const v = await total.get();
    await total.set(v + (Math.random() < 0.5 ? 1 : 2) + (Date.now() % 2));
  };
  const ts = [new Thread(add), new Thread(add)];
  for (const t of ts) await t.start();
  for (const t of ts) await t.join();
  assert((await total.get()) < 3, `total ${await total.get()} at ${stamp}`);
}
