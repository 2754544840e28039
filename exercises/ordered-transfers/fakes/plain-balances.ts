// Fake: balances in a plain array and no locks (code between awaits is atomic), journaling outside any lock
type Journal = (from: number, to: number, amount: number) => Promise<void>;

export class Bank {
  private readonly balances: number[];

  constructor(
    initial: readonly number[],
    private readonly journal: Journal,
  ) {
    this.balances = [...initial];
  }

  async transfer(from: number, to: number, amount: number): Promise<boolean> {
    if (from === to || amount <= 0 || this.balances[from]! < amount) return false;
    this.balances[from]! -= amount;
    this.balances[to]! += amount;
    await this.journal(from, to, amount);
    return true;
  }

  async balance(i: number): Promise<number> {
    return this.balances[i]!;
  }

  async total(): Promise<number> {
    return this.balances.reduce((a, b) => a + b, 0);
  }
}
