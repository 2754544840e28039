// Fake: a test that checks one withdrawal from one thread and never provokes the race
export interface Account {
  balance(): Promise<number>;
  withdraw(amount: number, pause?: () => Promise<void>): Promise<boolean>;
}
export type AccountFactory = (initial: number) => Account;

export async function test(makeAccount: AccountFactory): Promise<void> {
  const account = makeAccount(100);
  if (!(await account.withdraw(80))) throw new Error("withdraw(80) from 100 should succeed");
}
