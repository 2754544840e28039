// Fake: a test that always throws, so it "catches" every race without running anything concurrently
export interface Account {
  balance(): Promise<number>;
  withdraw(amount: number, pause?: () => Promise<void>): Promise<boolean>;
}
export type AccountFactory = (initial: number) => Account;

export async function test(_makeAccount: AccountFactory): Promise<void> {
  throw new Error("race!");
}
