import { Event, Lock, type AtomicInt } from "interleave";

// Hands the lock over to a waiting thread (no barging) — but takes the waiter from the end
// of the list: last come, first served. Two threads that keep asking get it in turn, and
// the one that asked first waits for ever.
export class FairLock {
  constructor(_tickets: AtomicInt) {}

  private readonly guard = new Lock("fair.guard");
  private held = false;
  private readonly waiting: Event[] = [];

  async acquire(): Promise<void> {
    let handOff: Event;
    {
      await using _ = await this.guard.hold();
      if (!this.held) {
        this.held = true;
        return;
      }
      handOff = new Event("fair.handOff");
      this.waiting.push(handOff);
    }
    await handOff.wait(); // the releasing thread handed the lock to us
  }

  async release(): Promise<void> {
    await using _ = await this.guard.hold();
    const next = this.waiting.pop();
    if (next) await next.set();
    else this.held = false;
  }
}
