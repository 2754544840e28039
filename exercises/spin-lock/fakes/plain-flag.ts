// Fake: a plain boolean as the lock word (code between awaits is atomic, so test-and-set needs no atomic)
import { RuntimeError, yieldNow, type AtomicInt } from "interleave";

export class SpinLock {
  private held = false;

  constructor(_state: AtomicInt) {}

  async acquire(): Promise<void> {
    while (this.held) await yieldNow();
    this.held = true;
  }

  async tryAcquire(): Promise<boolean> {
    if (this.held) return false;
    this.held = true;
    return true;
  }

  async release(): Promise<void> {
    if (!this.held) throw new RuntimeError("release unlocked lock");
    this.held = false;
  }
}
