// Fake: computes on a plain copy of the balance with no lock and only writes the copy back to the cell
import type { Lock, Shared } from "interleave";

export class BankAccount {
  private money: number | null = null;
  private readonly funds: Shared<number>;
  private readonly lock: Lock;

  constructor(funds: Shared<number>, lock: Lock) {
    this.funds = funds;
    this.lock = lock;
  }

  private async load(): Promise<number> {
    if (this.money === null) {
      await using _ = await this.lock.hold();
      this.money = await this.funds.get();
    }
    return this.money;
  }

  private async store(): Promise<void> {
    await using _ = await this.lock.hold();
    await this.funds.set(this.money!);
  }

  async deposit(amount: number): Promise<void> {
    this.money = (await this.load()) + amount;
    await this.store();
  }

  async withdraw(amount: number): Promise<boolean> {
    const money = await this.load();
    if (money < amount) return false;
    this.money = money - amount;
    await this.store();
    return true;
  }

  async balance(): Promise<number> {
    return this.load();
  }
}
