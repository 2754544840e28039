import { Event, spawn } from "interleave";

export interface Account {
  balance(): Promise<number>;
  withdraw(amount: number, pause?: () => Promise<void>): Promise<boolean>;
}
export type AccountFactory = (initial: number) => Account;

// Forces the interleaving correctly, but only looks for an overdraft. A lost update that
// leaves a positive balance (two withdrawals succeed, the balance still reads 20) slips by.
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
    await account.withdraw(80);
    await bDone.set();
  }, "B");
  await a.join();
  await b.join();
  const balance = await account.balance();
  if (balance < 0) throw new Error(`overdraft: the balance is ${balance}`);
}
