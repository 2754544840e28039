// Fake: retries at once after giving the first lock back, with no back-off at all
import { type Lock } from "interleave";

export async function withBoth(first: Lock, second: Lock, action: () => Promise<void>): Promise<void> {
  for (;;) {
    await first.acquire();
    if (await second.acquire({ timeout: 5 })) break;
    await first.release();
  }
  try {
    await action();
  } finally {
    await second.release();
    await first.release();
  }
}
