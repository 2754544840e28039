import { Shared, spawn, assert } from "interleave";

const counter = new Shared(0, "counter");

async function worker() {
  for (let i = 0; i < 3; i++) {
    const v = await counter.get();
    await counter.set(v + 1);
  }
}

export default async function main() {
  const a = spawn(worker, "A");
  const b = spawn(worker, "B");
  await a.join();
  await b.join();
  const total = await counter.get();
  assert(total === 6, `expected 6 increments, counted ${total}`);
}
