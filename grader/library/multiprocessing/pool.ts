// multiprocessing.Pool (issue 5): n worker processes, each looping over an inbox of chunks.
// The caller pickles every chunk (serially, in its own thread, as Pool's task handler does)
// and unpickles every result: with chunks of one tiny item the copies cost more than the
// work, and the speedup report shows it. Workers are daemonic, as in Python: a pool that
// is never closed does not keep the program alive.

import { autoName, sched } from "../../engine/context";
import { messageMs, SPAWN_PARENT_MS, UNIT_MS } from "../../engine/costs";
import { RuntimeError, ValueError } from "../errors";
import { Channel } from "./channel";
import { markUnpicklable, pickle, unpickle, type Pickled } from "./pickle";
import { chargeCopy, spawnProcess, targetRef } from "./process";
import { programHost } from "../../engine/program";
import type { Scheduler, VThread } from "../../engine/scheduler";

interface Job {
  index: number;
  fn: { module: string; key: string };
  /** Each item is the argument list of one call. */
  chunk: Pickled;
  star: boolean;
  reply: Channel<Reply>;
}

interface Reply {
  index: number;
  results?: Pickled;
  error?: { name: string; message: string; process: string };
}

export interface MapOptions {
  chunksize?: number;
}

export class Pool {
  readonly name: string;
  readonly processes: number;
  readonly #s: Scheduler;
  readonly #inbox: Channel<Job | null>;
  readonly #workers: VThread[] = [];
  /** Mutable state in one object: writes to a private field of a frozen instance take V8's slow path. */
  readonly #m: { state: "running" | "closed" } = { state: "running" };

  constructor(processes?: number, name?: string) {
    const s = sched();
    this.#s = s;
    const n = processes ?? s.config.cores;
    if (!Number.isInteger(n) || n < 1) throw new ValueError("Number of processes must be at least 1");
    this.processes = n;
    this.name = name ?? autoName("Pool");
    this.#inbox = new Channel<Job | null>(s, `${this.name}.tasks`);
    const parent = s.current;
    if (parent === null) throw new RuntimeError("a Pool must be created inside a thread");
    for (let i = 0; i < n; i++) {
      const { thread } = spawnProcess(s, parent, `${this.name}-worker-${i + 1}`, true, () => this.#serve(thread));
      this.#workers.push(thread);
    }
    // Starting n interpreters costs the parent too (charged at its next scheduling point).
    parent.pending += (n * SPAWN_PARENT_MS) / UNIT_MS;
    if (new.target === Pool) Object.freeze(this);
  }

  async #serve(v: VThread): Promise<void> {
    const s = this.#s;
    for (;;) {
      const job = await this.#inbox.get(v, null);
      if (job === null) return;
      await chargeCopy(s, v, job.chunk.bytes);
      const cache = v.process.cache;
      let reply: Reply;
      try {
        const fn = (programHost().instantiate(job.fn.module, cache) as Record<string, unknown>)[job.fn.key] as (
          ...a: unknown[]
        ) => unknown;
        const calls = unpickle(job.chunk, cache) as unknown[][];
        const results: unknown[] = [];
        for (const args of calls) results.push(await fn(...args));
        const p = pickle(results, "result", cache);
        await chargeCopy(s, v, p.bytes);
        reply = { index: job.index, results: p };
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        reply = { index: job.index, error: { name: e.name, message: e.message, process: v.process.name } };
      }
      await job.reply.put(v, reply);
    }
  }

  #checkRunning(): void {
    if (this.#m.state !== "running") throw new ValueError("Pool not running");
  }

  /** Python's default: about four chunks per worker. */
  #chunksize(n: number, chunksize: number | undefined): number {
    if (chunksize !== undefined) {
      if (!Number.isInteger(chunksize) || chunksize < 1) throw new ValueError("chunksize must be a positive integer");
      return chunksize;
    }
    const base = Math.floor(n / (this.processes * 4));
    return n % (this.processes * 4) ? base + 1 : base;
  }

  /** Pickle and send the chunks; returns the channel the replies come back on. */
  async #submit(
    t: VThread,
    fn: unknown,
    calls: unknown[][],
    chunksize: number | undefined,
    star: boolean,
  ): Promise<{ reply: Channel<Reply>; chunks: number }> {
    const s = this.#s;
    const ref = targetRef(fn, t.process.cache, "Functions given to a Pool");
    const size = Math.max(1, this.#chunksize(calls.length, chunksize));
    const reply = new Channel<Reply>(s, `${this.name}.results`);
    let chunks = 0;
    await s.point(t);
    for (let i = 0; i < calls.length; i += size) {
      const chunk = pickle(calls.slice(i, i + size), "items", t.process.cache);
      await s.compute(t, messageMs(chunk.bytes));
      await this.#inbox.put(t, { index: chunks++, fn: ref, chunk, star, reply });
    }
    return { reply, chunks };
  }

  async #receive(t: VThread, reply: Channel<Reply>): Promise<Reply & { values: unknown[] }> {
    const r = (await reply.get(t, null))!;
    if (r.error) {
      const e = new Error(`${r.error.message} (raised in ${r.error.process})`);
      e.name = r.error.name;
      throw e;
    }
    await chargeCopy(this.#s, t, r.results!.bytes);
    return { ...r, values: unpickle(r.results!, t.process.cache) as unknown[] };
  }

  async #run(op: string, fn: unknown, calls: unknown[][], chunksize: number | undefined): Promise<unknown[]> {
    const s = this.#s;
    const t = s.enter(op);
    try {
      this.#checkRunning();
      const { reply, chunks } = await this.#submit(t, fn, calls, chunksize, op === "starmap");
      const parts: unknown[][] = new Array(chunks);
      for (let k = 0; k < chunks; k++) {
        const r = await this.#receive(t, reply);
        parts[r.index] = r.values;
      }
      return parts.flat();
    } finally {
      s.leave(t);
    }
  }

  /** pool.map(fn, items, { chunksize }): fn(item) for every item, in the workers; results in order. */
  map<T, R>(fn: (item: T) => R | Promise<R>, items: Iterable<T>, options: MapOptions = {}): Promise<Awaited<R>[]> {
    return this.#run(
      "map",
      fn,
      [...items].map((x) => [x]),
      options.chunksize,
    ) as Promise<Awaited<R>[]>;
  }

  /** pool.starmap(fn, argLists): fn(...args) for every argument list. */
  starmap<R>(
    fn: (...args: never[]) => R | Promise<R>,
    argLists: Iterable<unknown[]>,
    options: MapOptions = {},
  ): Promise<Awaited<R>[]> {
    return this.#run(
      "starmap",
      fn,
      [...argLists].map((a) => [...a]),
      options.chunksize,
    ) as Promise<Awaited<R>[]>;
  }

  /** pool.apply(fn, args): one call in a worker. */
  async apply<R>(fn: (...args: never[]) => R | Promise<R>, args: unknown[] = []): Promise<Awaited<R>> {
    const [r] = await this.#run("apply", fn, [args], 1);
    return r as Awaited<R>;
  }

  /**
   * pool.imap(fn, items, { chunksize }): results in order, each as soon as it (and those
   * before it) came back — `for await (const r of pool.imap(fn, xs))`.
   */
  imap<T, R>(fn: (item: T) => R | Promise<R>, items: Iterable<T>, options: MapOptions = {}): AsyncIterable<Awaited<R>> {
    return this.#iterate("imap", fn, [...items], options.chunksize, true) as AsyncIterable<Awaited<R>>;
  }

  /** pool.imapUnordered(fn, items): results in the order they come back. */
  imapUnordered<T, R>(
    fn: (item: T) => R | Promise<R>,
    items: Iterable<T>,
    options: MapOptions = {},
  ): AsyncIterable<Awaited<R>> {
    return this.#iterate("imapUnordered", fn, [...items], options.chunksize, false) as AsyncIterable<Awaited<R>>;
  }

  #iterate(
    op: string,
    fn: unknown,
    items: unknown[],
    chunksize: number | undefined,
    ordered: boolean,
  ): AsyncIterable<unknown> {
    return { [Symbol.asyncIterator]: () => this.#results(op, fn, items, chunksize, ordered) };
  }

  async *#results(
    op: string,
    fn: unknown,
    items: unknown[],
    chunksize: number | undefined,
    ordered: boolean,
  ): AsyncGenerator<unknown> {
    const s = this.#s;
    let submitted: { reply: Channel<Reply>; chunks: number };
    const t = s.enter(op);
    try {
      this.#checkRunning();
      submitted = await this.#submit(
        t,
        fn,
        items.map((x) => [x]),
        chunksize ?? 1,
        false,
      );
    } finally {
      s.leave(t);
    }
    const waiting = new Map<number, unknown[]>();
    let next = 0;
    for (let k = 0; k < submitted.chunks; k++) {
      const t2 = s.enter(op);
      let r: Reply & { values: unknown[] };
      try {
        r = await this.#receive(t2, submitted.reply);
      } finally {
        s.leave(t2);
      }
      if (!ordered) {
        yield* r.values;
        continue;
      }
      waiting.set(r.index, r.values);
      while (waiting.has(next)) {
        const values = waiting.get(next)!;
        waiting.delete(next++);
        yield* values;
      }
    }
  }

  /** No more work: the workers exit once the submitted work is done. */
  close(): void {
    if (this.#m.state === "closed") return;
    this.#m.state = "closed";
    // Workers finish what is queued, then find the inbox closed and exit.
    this.#inbox.close();
  }

  /** pool.terminate(): as close() here (the workers are daemonic). */
  terminate(): void {
    this.close();
  }

  /** Wait for the workers to exit (after close()). */
  async join(): Promise<void> {
    const s = this.#s;
    const t = s.enter("join");
    try {
      if (this.#m.state === "running") throw new ValueError("Pool is still running: call close() first");
      await s.point(t);
      for (const v of this.#workers) {
        while (v.state !== "done")
          await s.block(t, { op: "join", target: v.name, waiters: v.joinWaiters, holder: () => v });
        s.monitor.join(t.id, v.id);
      }
      s.event(t, "join", this.name);
    } finally {
      s.leave(t);
    }
  }
}

markUnpicklable(Pool, "Pool");
