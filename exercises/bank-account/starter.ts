import type { Lock, Shared } from "interleave";

/**
 * A bank account shared by several threads. The bank gives it the `Shared` cell that holds
 * the balance and the account's `Lock` (the bank's own jobs, such as paying interest, take
 * the same lock before they touch the balance).
 *
 * This version works as long as only one thread uses it. Make every method safe when many
 * threads call them at once: hold the lock with `await using _ = await this.lock.hold();`.
 */
export class BankAccount {
  private readonly funds: Shared<number>;
  private readonly lock: Lock;

  constructor(funds: Shared<number>, lock: Lock) {
    this.funds = funds;
    this.lock = lock;
  }

  /** Add `amount` to the balance. */
  async deposit(amount: number): Promise<void> {
    const balance = await this.funds.get();
    await this.funds.set(balance + amount);
  }

  /** Take `amount` out if the balance covers it: resolves to true; otherwise change nothing and resolve to false. */
  async withdraw(amount: number): Promise<boolean> {
    const balance = await this.funds.get();
    if (balance < amount) return false;
    await this.funds.set(balance - amount);
    return true;
  }

  /** The current balance. */
  async balance(): Promise<number> {
    return this.funds.get();
  }
}
