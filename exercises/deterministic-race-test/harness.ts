import { assert, AtomicInt, Lock } from "interleave";
import { test } from "./solution";

// Four accounts behind one interface. Two are correct (one with a lock, one lock-free with
// compare-and-swap); two have a check-then-act race. The student's test must pass the
// correct ones and fail (throw) on the buggy ones — on every schedule.

interface Account {
  balance(): Promise<number>;
  withdraw(amount: number, pause?: () => Promise<void>): Promise<boolean>;
}
type Withdraw = (balance: AtomicInt, amount: number, pause: () => Promise<void>) => Promise<boolean>;

/** Every account looks the same from outside: the test can only tell them apart by behaviour. */
function factory(withdraw: (lock: Lock) => Withdraw): (initial: number) => Account {
  return (initial) => {
    const balance = new AtomicInt(initial, "balance");
    const run = withdraw(new Lock("account.lock"));
    const account: Account = {
      balance: () => balance.load(),
      withdraw: (amount, pause) => run(balance, amount, pause ?? (async () => {})),
    };
    return Object.freeze(account);
  };
}

/** Correct: the lock is held from the check to the debit. */
const locked = factory((lock) => async (balance, amount, pause) => {
  await using _ = await lock.hold();
  const current = await balance.load();
  if (current < amount) return false;
  await pause();
  await balance.store(current - amount);
  return true;
});

/** Correct and lock-free: the debit only happens if nobody changed the balance since the check. */
const lockFree = factory(() => async (balance, amount, pause) => {
  for (;;) {
    const current = await balance.load();
    if (current < amount) return false;
    await pause();
    if (await balance.compareExchange(current, current - amount)) return true;
  }
});

/** Buggy: the check and the debit hold the lock separately; the debit re-reads the balance. */
const narrowLock = factory((lock) => async (balance, amount, pause) => {
  {
    await using _ = await lock.hold();
    if ((await balance.load()) < amount) return false;
  }
  await pause();
  await using _ = await lock.hold();
  await balance.store((await balance.load()) - amount);
  return true;
});

/** Buggy: no lock at all; the debit writes a value computed from the stale check. */
const staleWrite = factory(() => async (balance, amount, pause) => {
  const current = await balance.load();
  if (current < amount) return false;
  await pause();
  await balance.store(current - amount);
  return true;
});

async function outcome(
  makeAccount: (initial: number) => Account,
): Promise<{ threw: false } | { threw: true; message: string }> {
  try {
    await test(makeAccount);
    return { threw: false };
  } catch (error) {
    return { threw: true, message: error instanceof Error ? error.message : String(error) };
  }
}

/** A test that throws on everything "catches" every race: the catching checks also need a correct account to pass. */
async function passes(kind: string, make: Parameters<typeof outcome>[0]): Promise<void> {
  const r = await outcome(make);
  assert(!r.threw, `your test failed on a correct account (${kind}): ${r.threw ? r.message : ""}`);
}

/** A test that never throws "passes" every correct account: the passing checks also need a race to be caught. */
async function catches(kind: string, make: Parameters<typeof outcome>[0]): Promise<void> {
  const r = await outcome(make);
  assert(r.threw, `your test passed an account whose withdraw() ${kind}: it did not catch the race`);
}

export async function passesLockedAccount() {
  await passes("it holds a lock from the check to the debit", locked);
  await catches("releases its lock between the balance check and the debit", narrowLock);
}

export async function catchesNarrowLock() {
  await passes("it holds a lock from the check to the debit", locked);
  await catches("releases its lock between the balance check and the debit", narrowLock);
}

export async function catchesStaleWrite() {
  await passes("it debits with compare-and-swap and retries when the balance changed", lockFree);
  await catches("takes no lock and writes a balance computed before the pause", staleWrite);
}

export async function passesLockFreeAccount() {
  await passes("it debits with compare-and-swap and retries when the balance changed", lockFree);
  await catches("takes no lock and writes a balance computed before the pause", staleWrite);
}
