import { spawn } from "interleave";

export interface Account {
  balance(): Promise<number>;
  withdraw(amount: number, pause?: () => Promise<void>): Promise<boolean>;
}
export type AccountFactory = (initial: number) => Account;

// A classic stress test: many threads, many withdrawals, check the invariants at the end.
// It never uses the pause, so the race window is only as wide as the scheduler makes it
// — and on the un-stressed schedule nothing is ever preempted inside withdraw().
export async function test(makeAccount: AccountFactory): Promise<void> {
  const account = makeAccount(100);
  let succeeded = 0;
  const threads = [1, 2, 3, 4].map((n) =>
    spawn(async () => {
      for (let i = 0; i < 5; i++) if (await account.withdraw(10)) succeeded++;
    }, `Customer-${n}`),
  );
  for (const t of threads) await t.join();
  const balance = await account.balance();
  if (balance < 0) throw new Error(`overdraft: balance ${balance}`);
  if (balance !== 100 - 10 * succeeded)
    throw new Error(`${succeeded} withdrawals of 10 from 100, but the balance is ${balance}`);
}
