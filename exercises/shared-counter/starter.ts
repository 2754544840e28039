import { spawn, type Lock, type Shared } from "interleave";

/** Start `threads` threads that each add 1 to a shared counter `perThread` times; return the total. */
export async function countConcurrently(
  counter: Shared<number>,
  lock: Lock,
  threads: number,
  perThread: number,
): Promise<number> {
  const workers = [];
  for (let t = 0; t < threads; t++) {
    workers.push(
      spawn(
        async () => {
          for (let i = 0; i < perThread; i++) {
            const v = await counter.get();
            await counter.set(v + 1);
          }
        },
        `Worker-${t + 1}`,
      ),
    );
  }
  // TODO: make the increments safe, then wait for every worker before reading the total.
  return counter.get();
}
