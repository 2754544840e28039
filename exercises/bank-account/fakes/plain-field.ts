// Fake: keeps the balance in a plain field instead of the shared cell under the lock (code between awaits is atomic, so it never races)
import type { Lock, Shared } from "interleave";

export class BankAccount {
  private money = 0;
  private readonly funds: Shared<number>;

  constructor(funds: Shared<number>, _lock: Lock) {
    this.funds = funds;
  }

  async deposit(amount: number): Promise<void> {
    if (this.money === 0) this.money = await this.funds.get();
    this.money += amount;
  }

  async withdraw(amount: number): Promise<boolean> {
    if (this.money === 0) this.money = await this.funds.get();
    if (this.money < amount) return false;
    this.money -= amount;
    return true;
  }

  async balance(): Promise<number> {
    if (this.money === 0) this.money = await this.funds.get();
    return this.money;
  }
}
