import type { Lock, Shared } from "interleave";

export class BankAccount {
  private readonly funds: Shared<number>;
  private readonly lock: Lock;

  constructor(funds: Shared<number>, lock: Lock) {
    this.funds = funds;
    this.lock = lock;
  }

  async deposit(amount: number): Promise<void> {
    await this.lock.acquire();
    const balance = await this.funds.get();
    await this.funds.set(balance + amount);
    await this.lock.release();
  }

  async withdraw(amount: number): Promise<boolean> {
    await this.lock.acquire();
    const balance = await this.funds.get();
    if (balance < amount) return false; // leaves with the lock still held
    await this.funds.set(balance - amount);
    await this.lock.release();
    return true;
  }

  async balance(): Promise<number> {
    await this.lock.acquire();
    const balance = await this.funds.get();
    await this.lock.release();
    return balance;
  }
}
