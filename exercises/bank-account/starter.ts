import { Shared } from "interleave";

/**
 * A bank account shared by several threads.
 *
 * This version works as long as only one thread uses it. Make every method safe when many
 * threads call them at once: give the account a Lock and hold it with
 * `await using _ = await this.lock.hold();`.
 */
export class BankAccount {
  private readonly funds: Shared<number>;

  constructor(initial: number) {
    this.funds = new Shared(initial, "balance");
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
