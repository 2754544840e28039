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
    try {
      const balance = await this.funds.get();
      await this.funds.set(balance + amount);
    } finally {
      await this.lock.release();
    }
  }

  async withdraw(amount: number): Promise<boolean> {
    await this.lock.acquire();
    try {
      const balance = await this.funds.get();
      if (balance < amount) {
        await this.lock.release(); // "don't forget to release before returning" — but finally releases too
        return false;
      }
      await this.funds.set(balance - amount);
      return true;
    } finally {
      await this.lock.release();
    }
  }

  async balance(): Promise<number> {
    await this.lock.acquire();
    try {
      return await this.funds.get();
    } finally {
      await this.lock.release();
    }
  }
}
