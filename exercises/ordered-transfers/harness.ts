import { assert, Event, now, spawn, work, type Thread } from "interleave";
import { Bank } from "./solution";

const JOURNAL_COST = 5;

interface Entry {
  from: number;
  to: number;
  amount: number;
}

/**
 * The bank's journal. Writing an entry takes 5 ms of CPU. It checks that no other transfer
 * touching the same accounts is being journaled at the same time: both locks must be held.
 */
function makeJournal(entries: Entry[]) {
  const busy = new Set<number>();
  return async (from: number, to: number, amount: number): Promise<void> => {
    for (const account of [from, to]) {
      assert(
        !busy.has(account),
        `transfer ${from}→${to} was journaled while another transfer on account ${account} was still in progress: that account's lock was not held`,
      );
    }
    busy.add(from);
    busy.add(to);
    await work(JOURNAL_COST);
    busy.delete(from);
    busy.delete(to);
    entries.push({ from, to, amount });
  };
}

async function joinAll(threads: Thread[]): Promise<void> {
  for (const t of threads) await t.join();
}

async function expectBalances(bank: Bank, expected: number[], when: string): Promise<void> {
  for (let i = 0; i < expected.length; i++) {
    const b = await bank.balance(i);
    assert(b === expected[i], `${when}: account ${i} should hold ${expected[i]}, got ${b}`);
  }
}

export async function oppositeTransfers() {
  const entries: Entry[] = [];
  const bank = new Bank([100, 100], makeJournal(entries));
  const threads = [
    spawn(async () => {
      for (let i = 0; i < 3; i++) assert((await bank.transfer(0, 1, 10)) === true, "transfer(0, 1, 10) should succeed");
    }, "Alice"),
    spawn(async () => {
      for (let i = 0; i < 3; i++) assert((await bank.transfer(1, 0, 20)) === true, "transfer(1, 0, 20) should succeed");
    }, "Bob"),
  ];
  await joinAll(threads);
  await expectBalances(bank, [130, 70], "after 3 × 10 from 0 to 1 and 3 × 20 from 1 to 0");
  assert(entries.length === 6, `6 transfers succeeded, but the journal has ${entries.length} entries`);
  await disjointOverlap(); // one lock for the whole bank would make this check trivial
}

/**
 * Transfers 0→1 and 2→3 share no account: each one's journal entry waits (up to 1000 ms)
 * for the other's to start. With one lock per account they meet; with one lock for the
 * whole bank the second can never start while the first is inside.
 */
async function disjointOverlap() {
  const started = [new Event("journal 0→1 started"), new Event("journal 2→3 started")];
  let met = 0;
  const journal = async (from: number): Promise<void> => {
    const mine = from === 0 ? 0 : 1;
    started[mine]!.set();
    if (await started[1 - mine]!.wait({ timeout: 1000 })) met++;
  };
  const bank = new Bank([50, 50, 50, 50], journal);
  await joinAll([
    spawn(async () => void (await bank.transfer(0, 1, 5)), "Alice"),
    spawn(async () => void (await bank.transfer(2, 3, 5)), "Carol"),
  ]);
  assert(
    met === 2,
    "transfers 0→1 and 2→3 share no account, yet one could not start while the other was inside: one lock per account, not one for the whole bank",
  );
}

export async function parallelDisjoint() {
  const entries: Entry[] = [];
  const bank = new Bank([50, 50, 50, 50], makeJournal(entries));
  const start = now();
  const threads = [
    spawn(async () => {
      await bank.transfer(0, 1, 5);
    }, "Alice"),
    spawn(async () => {
      await bank.transfer(2, 3, 5);
    }, "Carol"),
  ];
  await joinAll(threads);
  const elapsed = now() - start;
  await expectBalances(bank, [45, 55, 45, 55], "after 0→1 and 2→3");
  assert(
    elapsed <= JOURNAL_COST,
    `transfers 0→1 and 2→3 share no account, so they should run at the same time (${JOURNAL_COST} ms), but together they took ${elapsed} ms: one lock per account, not one for the whole bank`,
  );
}

export async function auditDuringTransfers() {
  const entries: Entry[] = [];
  const bank = new Bank([100, 100, 100], makeJournal(entries));
  const threads = [0, 1, 2].map((i) =>
    spawn(
      async () => {
        for (let k = 0; k < 2; k++) await bank.transfer(i, (i + 1) % 3, 10 * (i + 1));
      },
      `Teller-${i + 1}`,
    ),
  );
  threads.push(
    spawn(async () => {
      for (let k = 0; k < 3; k++) {
        const total = await bank.total();
        assert(
          total === 300,
          `transfers move money, they never create or destroy it, yet the auditor counted ${total} instead of 300`,
        );
      }
    }, "Auditor"),
  );
  await joinAll(threads);
  await expectBalances(bank, [140, 80, 80], "after the ring of transfers");
  const total = await bank.total();
  assert(total === 300, `total() should be 300, got ${total}`);
  await disjointOverlap(); // one lock for the whole bank would make this check trivial
}

export async function invalidTransfers() {
  const entries: Entry[] = [];
  const bank = new Bank([30, 30], makeJournal(entries));
  assert((await bank.transfer(0, 0, 10)) === false, "a transfer from an account to itself should resolve to false");
  assert(
    (await bank.transfer(1, 0, 31)) === false,
    "transfer(1, 0, 31) from an account holding 30 should resolve to false",
  );
  assert((await bank.transfer(0, 1, 0)) === false, "a transfer of 0 should resolve to false");
  await expectBalances(bank, [30, 30], "after three refused transfers");
  assert(
    entries.length === 0,
    `refused transfers must not be journaled, but the journal has ${entries.length} entries`,
  );
  const t = spawn(async () => {
    assert((await bank.transfer(1, 0, 30)) === true, "transfer(1, 0, 30) should succeed after the refusals");
  }, "Alice");
  await t.join();
  await expectBalances(bank, [60, 0], "after transfer(1, 0, 30)");
}
