import type { Lock, Shared } from "interleave";

export class BankAccount {
  private readonly funds: Shared<number>;
  private readonly lock: Lock;

  constructor(funds: Shared<number>, lock: Lock) {
    this.funds = funds;
    this.lock = lock;
  }

  async deposit(amount: number): Promise<void> {
    await using _ = await this.lock.hold();
    const balance = await this.funds.get();
    await this.funds.set(balance + amount);
  }

  async withdraw(amount: number): Promise<boolean> {
    await using _ = await this.lock.hold();
    const balance = await this.funds.get();
    if (balance < amount) return false;
    await this.funds.set(balance - amount);
    return true;
  }

  // "It only reads, so it needs no lock."
  async balance(): Promise<number> {
    return this.funds.get();
  }
}
