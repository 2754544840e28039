// Fake: backs off for a fixed time, so two polite threads that collide can retry in lockstep (livelock)
import { sleep, type Lock } from "interleave";

export async function withBoth(first: Lock, second: Lock, action: () => Promise<void>): Promise<void> {
  for (;;) {
    await first.acquire();
    if (await second.acquire({ timeout: 5 })) break;
    await first.release();
    await sleep(3);
  }
  try {
    await action();
  } finally {
    await second.release();
    await first.release();
  }
}
