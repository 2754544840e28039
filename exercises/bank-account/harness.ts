import { assert, Lock, Shared, spawn, type Thread } from "interleave";
import { BankAccount } from "./solution";

/** An account on the bank's own cell and lock: the bank's jobs use them too. */
function open(initial: number) {
  const funds = new Shared(initial, "balance");
  const lock = new Lock("accountLock");
  return { account: new BankAccount(funds, lock), funds, lock };
}

/**
 * The bank's interest job: it credits `times` × `amount` straight into the account's cell,
 * under the account's lock, while the customers use the account. An account that keeps its
 * balance anywhere else, or guards it with another lock, loses these credits or races them.
 */
function payInterest(funds: Shared<number>, lock: Lock, times: number, amount: number): Thread {
  return spawn(async () => {
    for (let i = 0; i < times; i++) {
      await using _ = await lock.hold();
      const balance = await funds.get();
      await funds.set(balance + amount);
    }
  }, "InterestJob");
}

/** The balance the account reports must be the one in the bank's cell. */
async function sameAsCell(account: BankAccount, funds: Shared<number>, lock: Lock, expected: number) {
  const reported = await account.balance();
  let stored: number;
  {
    await using _ = await lock.hold();
    stored = await funds.get();
  }
  assert(
    reported === expected && stored === expected,
    `the balance should be ${expected}: balance() says ${reported}, the account's cell holds ${stored} (keep the balance in the cell you are given, under the lock you are given)`,
  );
}

async function joinAll(threads: Thread[]): Promise<void> {
  for (const t of threads) await t.join();
}

export async function concurrentDeposits() {
  const { account, funds, lock } = open(50);
  const threads = [payInterest(funds, lock, 3, 1)];
  for (let t = 0; t < 4; t++) {
    threads.push(
      spawn(
        async () => {
          for (let i = 0; i < 5; i++) await account.deposit(10);
        },
        `Depositor-${t + 1}`,
      ),
    );
  }
  await joinAll(threads);
  const balance = await account.balance();
  assert(
    balance === 253,
    `50 plus 4 threads × 5 deposits of 10 plus 3 of interest should be 253, got ${balance}: a deposit was lost`,
  );
  await sameAsCell(account, funds, lock, 253);
}

export async function noOverdraft() {
  const { account, funds, lock } = open(100);
  let succeeded = 0;
  const threads = [payInterest(funds, lock, 2, 0)]; // a job that only rewrites the balance
  for (let t = 0; t < 4; t++) {
    threads.push(
      spawn(
        async () => {
          for (let i = 0; i < 2; i++) {
            const ok = await account.withdraw(30);
            assert(typeof ok === "boolean", `withdraw() should resolve to true or false, got ${String(ok)}`);
            if (ok) succeeded++;
          }
        },
        `Customer-${t + 1}`,
      ),
    );
  }
  await joinAll(threads);
  const balance = await account.balance();
  assert(
    succeeded === 3,
    `100 in the account and 8 withdrawals of 30: exactly 3 can succeed, but ${succeeded} did (balance now ${balance})`,
  );
  assert(balance === 10, `after 3 withdrawals of 30 from 100 the balance should be 10, got ${balance}`);
  await sameAsCell(account, funds, lock, 10);
}

export async function refusedWithdrawal() {
  const { account, funds, lock } = open(20);
  const refused = await account.withdraw(50);
  assert(refused === false, `withdraw(50) from an account holding 20 should resolve to false, got ${String(refused)}`);
  let balance = await account.balance();
  assert(balance === 20, `a refused withdrawal must not change the balance: expected 20, got ${balance}`);
  await account.deposit(5);
  const ok = await account.withdraw(25);
  assert(ok === true, `withdraw(25) from an account holding 25 should resolve to true, got ${String(ok)}`);
  balance = await account.balance();
  assert(balance === 0, `expected a balance of 0, got ${balance}`);
  // The same from another thread: the lock must be free for it too.
  const other = spawn(async () => {
    await account.deposit(7);
    assert((await account.withdraw(8)) === false, "withdraw(8) from 7 should be refused");
  }, "OtherThread");
  await other.join();
  balance = await account.balance();
  assert(balance === 7, `expected a balance of 7, got ${balance}`);
  await sameAsCell(account, funds, lock, 7);
}

export async function mixedTraffic() {
  const initial = 40;
  const { account, funds, lock } = open(initial);
  let deposited = 4; // the interest job's
  const threads = [payInterest(funds, lock, 4, 1)];
  let withdrawn = 0;
  for (let t = 0; t < 2; t++) {
    threads.push(
      spawn(
        async () => {
          for (const amount of [5, 15, 10]) {
            await account.deposit(amount);
            deposited += amount;
          }
        },
        `Depositor-${t + 1}`,
      ),
    );
    threads.push(
      spawn(
        async () => {
          for (const amount of [25, 10, 20]) {
            if (await account.withdraw(amount)) withdrawn += amount;
          }
        },
        `Spender-${t + 1}`,
      ),
    );
  }
  threads.push(
    spawn(async () => {
      for (let i = 0; i < 6; i++) {
        const seen = await account.balance();
        assert(seen >= 0, `the auditor saw a negative balance: ${seen}`);
      }
    }, "Auditor"),
  );
  await joinAll(threads);
  const balance = await account.balance();
  assert(
    balance === initial + deposited - withdrawn,
    `money was created or lost: ${initial} + ${deposited} deposited − ${withdrawn} withdrawn = ${initial + deposited - withdrawn}, but the balance is ${balance}`,
  );
  assert(balance >= 0, `the balance ended negative: ${balance}`);
  await sameAsCell(account, funds, lock, balance);
}
