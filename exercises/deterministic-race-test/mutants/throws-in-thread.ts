import { Event, spawn } from "interleave";

export interface Account {
  balance(): Promise<number>;
  withdraw(amount: number, pause?: () => Promise<void>): Promise<boolean>;
}
export type AccountFactory = (initial: number) => Account;

// Detects the race — but throws inside thread B instead of from test() itself. An error
// that escapes a thread fails the whole run: the caller of test() never sees it.
export async function test(makeAccount: AccountFactory): Promise<void> {
  const account = makeAccount(100);
  const aInWindow = new Event("A paused in its window");
  const bDone = new Event("B finished");
  const a = spawn(async () => {
    await account.withdraw(80, async () => {
      await aInWindow.set();
      await bDone.wait({ timeout: 1000 });
    });
  }, "A");
  await aInWindow.wait();
  const b = spawn(async () => {
    const ok = await account.withdraw(80);
    await bDone.set();
    await a.join();
    const balance = await account.balance();
    if (ok && balance !== 20) throw new Error(`both withdrawals went through: the balance is ${balance}`);
    if (ok && balance === 20) {
      // A's withdrawal must have failed then... unless it overwrote B's debit.
      throw new Error("B succeeded while A was in the middle of its withdrawal");
    }
  }, "B");
  await a.join();
  await b.join();
}
