import { assert, Condition, Lock, Shared, spawn } from "interleave";

// The program of "Break it: if instead of while", run by the real runtime for "Play the
// scheduler". Each numbered line is one scheduling point: a step you give a thread runs
// exactly one line of the statement's program. Line 3, `notEmpty.wait()`, takes two steps as
// in the statement: one releases m and falls asleep, one (once notified) takes m back.

const m = new Lock("m");
const notEmpty = new Condition(m, "notEmpty");
const items = new Shared("[]", "items");
/** What `items` shows (changed only under m). */
let apples = 0;
const show = (n: number) => `[${Array.from({ length: n }, () => '"apple"').join(", ")}]`;

async function consumer(me: string) {
  await m.acquire(); //                        1  m.acquire()
  await items.get(); //                        2  if (items.length === 0)
  if (apples === 0) {
    await items.get(); //                      3      notEmpty.wait()  (releases m, falls asleep)
    await notEmpty.wait(); //                  3      notEmpty.wait()  (notified: takes m back)
  }
  await items.set(show(Math.max(0, apples - 1))); // 4  item = items.shift()  // must exist
  assert(apples > 0, `${me} took an item from an EMPTY queue: it checked with \`if\`, not \`while\``);
  apples--;
  await items.get(); //                         5  m.release()
  void m.release();
}

async function producer() {
  await m.acquire(); //                        1  m.acquire()
  await items.set(show(apples + 1)); //        2  items.push("apple")
  apples++;
  await items.get(); //                         3  notEmpty.notifyAll()
  void notEmpty.notifyAll();
  await items.get(); //                         4  m.release()
  void m.release();
}

export default async function main() {
  const threads = [
    spawn(() => consumer("consumer 0"), "consumer 0"),
    spawn(() => consumer("consumer 1"), "consumer 1"),
    spawn(producer, "producer 2"),
  ];
  for (const t of threads) await t.join();
}
