// Fake: no ticket dispenser: a plain flag and a plain queue of Events (code between two awaits is atomic)
import { Event, type AtomicInt } from "interleave";

export class FairLock {
  private held = false;
  private readonly waiters: Event[] = [];
  constructor(_tickets: AtomicInt) {}

  async acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return;
    }
    const turn = new Event();
    this.waiters.push(turn);
    await turn.wait();
  }

  async release(): Promise<void> {
    const next = this.waiters.shift();
    if (next) await next.set();
    else this.held = false;
  }
}
