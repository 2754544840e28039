import { type AtomicInt, Condition, Lock } from "interleave";

// release() wakes one waiter, assuming it is the one holding the next ticket. It is the
// longest waiter, but a thread can draw its ticket and be preempted before it waits: then
// the woken thread is not the next one, goes back to sleep, and nobody wakes the next one.
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
    while (this.nowServing !== ticket) await this.turnChanged.wait();
  }

  async release(): Promise<void> {
    await using _ = await this.guard.hold();
    this.nowServing++;
    await this.turnChanged.notify();
  }
}
