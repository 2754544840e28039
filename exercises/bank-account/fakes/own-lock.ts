// Fake: guards the balance with a lock of its own instead of the account's lock the bank's jobs use
import { Lock, type Shared } from "interleave";

export class BankAccount {
  private readonly funds: Shared<number>;
  private readonly mine = new Lock("myLock");

  constructor(funds: Shared<number>, _lock: Lock) {
    this.funds = funds;
  }

  async deposit(amount: number): Promise<void> {
    await using _ = await this.mine.hold();
    await this.funds.set((await this.funds.get()) + amount);
  }

  async withdraw(amount: number): Promise<boolean> {
    await using _ = await this.mine.hold();
    const balance = await this.funds.get();
    if (balance < amount) return false;
    await this.funds.set(balance - amount);
    return true;
  }

  async balance(): Promise<number> {
    await using _ = await this.mine.hold();
    return await this.funds.get();
  }
}
