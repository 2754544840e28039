import { type Lock } from "interleave";

/**
 * Run `action` while holding both `first` and `second`, taking them in that order, and
 * release both afterwards — also when `action` throws (the error must reach the caller).
 *
 * Other code in the program (which you cannot change) takes the same locks in whatever order
 * it likes, and waits for them without a timeout. This version waits without a timeout too.
 * Make sure it can never wait forever: give up on the second lock after a while, put the
 * first one back, back off for a random time, and try again.
 */
export async function withBoth(first: Lock, second: Lock, action: () => Promise<void>): Promise<void> {
  await first.acquire();
  await second.acquire();
  try {
    await action();
  } finally {
    await second.release();
    await first.release();
  }
}
