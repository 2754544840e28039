import { type AtomicInt, Condition, Lock } from "interleave";

// `if` where a `while` belongs: notifyAll() wakes every waiter, and each of them goes in
// without checking that it is its turn.
export class FairLock {
  constructor(tickets: AtomicInt) {
    this.nextTicket = tickets;
  }

  private readonly nextTicket: AtomicInt;
  private readonly guard = new Lock("fair.guard");
  private readonly turnChanged = new Condition(this.guard, "fair.turnChanged");
  private nowServing = 0;

  async acquire(): Promise<void> {
    const ticket = await this.nextTicket.fetchAdd(1);
    await using _ = await this.guard.hold();
    if (this.nowServing !== ticket) await this.turnChanged.wait();
  }

  async release(): Promise<void> {
    await using _ = await this.guard.hold();
    this.nowServing++;
    await this.turnChanged.notifyAll();
  }
}
