import { type AtomicInt, Condition, Lock } from "interleave";

/**
 * A ticket lock: every thread that wants the lock draws the next ticket number, and the
 * lock serves tickets in order — first come, first served, so nobody can be overtaken
 * forever (bounded waiting).
 */
export class FairLock {
  constructor(tickets: AtomicInt) {
    this.nextTicket = tickets;
  }

  private readonly nextTicket: AtomicInt;
  private readonly guard = new Lock("fair.guard");
  private readonly turnChanged = new Condition(this.guard, "fair.turnChanged");
  /** The ticket allowed in now (guarded by `guard`). */
  private nowServing = 0;

  async acquire(): Promise<void> {
    const ticket = await this.nextTicket.fetchAdd(1);
    await using _ = await this.guard.hold();
    while (this.nowServing !== ticket) await this.turnChanged.wait();
  }

  async release(): Promise<void> {
    await using _ = await this.guard.hold();
    this.nowServing++;
    await this.turnChanged.notifyAll();
  }
}
