import { Condition, Lock, Shared, type AtomicInt } from "interleave";

// The ticket dispenser is a read followed by a write: two threads that draw at the same
// time get the same ticket and are both let in.
export class FairLock {
  constructor(_tickets: AtomicInt) {}

  private readonly nextTicket = new Shared(0, "fair.nextTicket");
  private readonly guard = new Lock("fair.guard");
  private readonly turnChanged = new Condition(this.guard, "fair.turnChanged");
  private nowServing = 0;

  async acquire(): Promise<void> {
    const ticket = await this.nextTicket.get();
    await this.nextTicket.set(ticket + 1);
    await using _ = await this.guard.hold();
    while (this.nowServing !== ticket) await this.turnChanged.wait();
  }

  async release(): Promise<void> {
    await using _ = await this.guard.hold();
    this.nowServing++;
    await this.turnChanged.notifyAll();
  }
}
