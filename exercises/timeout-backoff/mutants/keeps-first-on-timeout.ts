import { type Lock, sleep } from "interleave";

const PATIENCE = 5; // virtual ms to wait for the second lock before backing off

export async function withBoth(first: Lock, second: Lock, action: () => Promise<void>): Promise<void> {
  await first.acquire();
  // Keep trying for the second lock, patiently — while still holding the first one.
  while (!(await second.acquire({ timeout: PATIENCE }))) {
    await sleep(1 + Math.floor(Math.random() * PATIENCE));
  }
  try {
    await action();
  } finally {
    await second.release();
    await first.release();
  }
}
