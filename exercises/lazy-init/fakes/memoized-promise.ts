// Fake: memoizes the promise in a plain variable (code between awaits is atomic) and never uses the lock
import type { Lock } from "interleave";

export function lazy<T>(init: () => Promise<T>, _lock: Lock): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= init().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}
