// Queue against CPython's Lib/test/test_queue.py (BaseQueueTestMixin: simple_queue_test,
// queue_join_test, test_queue_task_done, test_nowait, test_negative_timeout_raises_exception).
// Python's do_blocking_test becomes: a trigger thread sleeps 100 virtual ms, then unblocks
// the call, which must return at exactly that time.

import { describe, it } from "vitest";
import { caughtAs, endsWith, passes, passesEverySchedule } from "./testkit";

const QUEUE_SIZE = 5;

const blockingTest = `
  // do_blocking_test: \`block\` must not return before \`trigger\` ran (at +100), and must then.
  async function blockingTest(block: () => Promise<unknown>, trigger: () => Promise<unknown>, expected = 100) {
    let triggered = false;
    const t = spawn(async () => { await sleep(100); triggered = true; await trigger(); }, "Trigger");
    const t0 = now();
    await block();
    assert(triggered, "the blocking call returned before its trigger ran");
    assert(now() - t0 === expected, "returned after " + (now() - t0) + ", expected " + expected);
    await t.join();
  }
`;

const simpleQueueTest = `
  // FIFO order
  await q.put(111); await q.put(333); await q.put(222);
  const got = [await q.get(), await q.get(), await q.get()];
  assert(got.join() === "111,333,222", "not FIFO: " + got.join());
  for (const i of range(${QUEUE_SIZE} - 1)) { await q.put(i); assert(q.qsize() === i + 1, "qsize " + q.qsize()); }
  assert(!q.full() && !q.empty(), "neither full nor empty");
  await q.put(-1);
  assert(q.full() && q.qsize() === ${QUEUE_SIZE}, "full at maxsize");
  await raises(Full, () => q.put(999, { block: false }));
  let t0 = now();
  await raises(Full, () => q.put(999, { timeout: 10 }));
  assert(now() - t0 === 10, "put timed out after " + (now() - t0));
  await raises(Full, () => q.putNowait(999));
  // A blocking put returns once another thread gets an item.
  await blockingTest(() => q.put(999), () => q.get());
  await blockingTest(() => raises(Full, () => q.put(998, { block: true, timeout: 300 })), async () => {}, 300);
  for (const _ of range(${QUEUE_SIZE})) await q.get();
  assert(q.empty() && q.qsize() === 0, "empty");
  await raises(Empty, () => q.get({ block: false }));
  t0 = now();
  await raises(Empty, () => q.get({ timeout: 10 }));
  assert(now() - t0 === 10, "get timed out after " + (now() - t0));
  await raises(Empty, () => q.getNowait());
  // A blocking get returns once another thread puts an item.
  let item: unknown;
  await blockingTest(async () => { item = await q.get(); }, () => q.put("empty"));
  assert(item === "empty", "got " + item);
  await blockingTest(() => raises(Empty, () => q.get({ timeout: 300 })), async () => {}, 300);
  for (const _ of range(q.qsize())) await q.get();
`;

describe("Queue", () => {
  it("FIFO, qsize/empty/full, Full and Empty with block:false and timeouts, blocking put and get (test_basic, twice)", () => {
    passes(`${blockingTest} const q = new Queue(${QUEUE_SIZE}, "q"); { ${simpleQueueTest} } { ${simpleQueueTest} }`);
  });

  it("the same program passes on every schedule", () => {
    passesEverySchedule(`${blockingTest} const q = new Queue(${QUEUE_SIZE}, "q"); ${simpleQueueTest}`, 100);
  });

  it("putNowait/getNowait fill and drain the queue, then raise (test_nowait)", () => {
    passes(`
      const q = new Queue(${QUEUE_SIZE});
      for (const i of range(${QUEUE_SIZE})) await q.putNowait(i);
      await raises(Full, () => q.putNowait(${QUEUE_SIZE}));
      for (const i of range(${QUEUE_SIZE})) assert((await q.getNowait()) === i, "order");
      await raises(Empty, () => q.getNowait());
    `);
  });

  it("a maxsize of 0 (or less) means unbounded", () => {
    passes(`
      for (const q of [new Queue(), new Queue(0), new Queue(-1)]) {
        for (const i of range(50)) await q.put(i, { block: false });
        assert(!q.full() && q.qsize() === 50 && q.maxsize <= 0, "bounded");
      }
      await raises(ValueError, () => new Queue(1.5));
    `);
  });

  it("a negative timeout is a ValueError, for put and get (test_negative_timeout_raises_exception)", () => {
    passes(`
      const q = new Queue(1);
      await raises(ValueError, () => q.put(1, { timeout: -1 }));
      await raises(ValueError, () => q.get({ timeout: -1 }));
      assert(q.empty(), "the refused put added nothing");
      await q.put(1, { block: false, timeout: -1 });   // block:false ignores the timeout, as in Python
    `);
  });

  it("taskDone() more often than put raises ValueError (test_queue_task_done)", () => {
    passes(`
      const q = new Queue();
      const e = await raises(ValueError, () => q.taskDone());
      assert(e.message.includes("too many"), e.message);
      await q.put(1); await q.get(); q.taskDone();
      await raises(ValueError, () => q.taskDone());
    `);
  });

  it("join() waits until every item is marked done (queue_join_test, twice)", () => {
    passesEverySchedule(`
      const q = new Queue<number>(); let cum = 0; const cumlock = new Lock();
      const worker = async () => {
        for (;;) {
          const x = await q.get();
          if (x < 0) { q.taskDone(); return; }
          { await using _ = await cumlock.hold(); cum += x; }
          q.taskDone();
        }
      };
      const ts = range(2).map((i) => spawn(worker, "Worker" + i));
      for (const round of range(2)) {
        cum = 0;
        for (const i of range(20)) await q.put(i);
        await q.join();
        assert(cum === 190, "join returned with cum " + cum);
      }
      for (const _ of ts) await q.put(-1);
      await q.join();
      for (const t of ts) await t.join();
    `);
  });

  it("join() with no unfinished tasks returns at once; a blocked join wakes at the last taskDone", () => {
    passesEverySchedule(`
      const q = new Queue();
      await q.join();
      await q.put("a"); await q.put("b");
      let joinedAt = -1;
      const j = spawn(async () => { await q.join(); joinedAt = now(); }, "Joiner");
      await q.get(); await sleep(10); q.taskDone();
      await q.get(); await sleep(10);
      assert(joinedAt === -1, "join returned with a task unfinished");
      q.taskDone();
      await j.join();
      assert(joinedAt === 20, "joined at " + joinedAt);
    `);
  });

  it("a bounded buffer with several producers and consumers delivers every item exactly once", () => {
    passesEverySchedule(`
      const q = new Queue<number>(2, "buffer"); const got: number[] = [];
      const producers = range(2).map((p) => spawn(async () => { for (const i of range(4)) await q.put(p * 10 + i); }, "P" + p));
      const consumers = range(2).map((c) => spawn(async () => { for (const _ of range(4)) got.push(await q.get()); }, "C" + c));
      for (const t of [...producers, ...consumers]) await t.join();
      assert(got.slice().sort((a, b) => a - b).join() === "0,1,2,3,10,11,12,13", "got " + got.join());
      assert(q.empty(), "left over");
    `);
  });

  it("items from one producer come out in the order it put them, on every schedule", () => {
    passesEverySchedule(`
      const q = new Queue<number>(3); const got: number[] = [];
      const p = spawn(async () => { for (const i of range(8)) await q.put(i); });
      for (const _ of range(8)) got.push(await q.get());
      await p.join();
      assert(got.join() === "0,1,2,3,4,5,6,7", "order " + got.join());
    `);
  });

  it("must fail: taskDone before the work is done lets join return early", () => {
    caughtAs(
      "race",
      `
      const q = new Queue<number>(); const done: number[] = []; const tick = new AtomicInt(0);
      const w = spawn(async () => { for (;;) { const x = await q.get(); if (x < 0) return; q.taskDone(); await tick.fetchAdd(1); done.push(x); } });
      for (const i of range(3)) await q.put(i);
      await q.join();
      assert(done.length === 3, "join returned with " + done.length + " of 3 done");
      await q.put(-1); await w.join();
    `,
    );
  });

  it("must fail: putting into a full queue nobody drains is a deadlock naming the queue", () => {
    const outcome = endsWith("deadlock", `const q = new Queue(1, "mailbox"); await q.put(1); await q.put(2);`);
    if (!outcome.message.includes("mailbox")) throw new Error(outcome.message);
  });
});
