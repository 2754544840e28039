// FIXED lost update: the read-modify-write of `hits` runs under one lock.
import { Lock, Shared, spawn, assert } from "interleave";

const hits = new Shared(0, "hits");
const lock = new Lock("hitsLock");

async function handleRequests(count: number) {
  for (let i = 0; i < count; i++) {
    await using _ = await lock.hold();
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
