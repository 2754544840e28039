// BUG (lost update): `hits = hits + 1` is a read and a write. Two request handlers read the
// same value and both write value + 1, so one hit is lost.
// Needs 1 preemption: a handler preempted between its get() and its set().
import { Shared, spawn, assert } from "interleave";

const hits = new Shared(0, "hits");

async function handleRequests(count: number) {
  for (let i = 0; i < count; i++) {
    const current = await hits.get();
    await hits.set(current + 1);
  }
}

export default async function main() {
  const handlers = [
    spawn(() => handleRequests(5), "H1"),
    spawn(() => handleRequests(5), "H2"),
    spawn(() => handleRequests(5), "H3"),
  ];
  for (const h of handlers) await h.join();
  const total = await hits.get();
  assert(total === 15, `expected 15 hits, counted ${total}`);
}
