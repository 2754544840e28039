import { type Lock, sleep } from "interleave";

const PATIENCE = 5; // virtual ms to wait for the second lock before backing off

export async function withBoth(first: Lock, second: Lock, action: () => Promise<void>): Promise<void> {
  for (;;) {
    await first.acquire();
    if (await second.acquire({ timeout: PATIENCE })) break;
    // Could not get the second lock in time: somebody may be waiting for the one we hold.
    // Put it back, wait a random while (so that two polite threads do not retry in lockstep), retry.
    await first.release();
    await sleep(1 + Math.floor(Math.random() * PATIENCE));
  }
  await action();
  await second.release();
  await first.release();
}
