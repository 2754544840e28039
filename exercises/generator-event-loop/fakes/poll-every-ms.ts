// Fake: the loop polls its timers every 1 virtual ms instead of sleeping until the earliest deadline.
import { now, sleep } from "interleave";

export type Syscall = { kind: "sleep"; ms: number } | { kind: "spawn"; task: Task } | { kind: "join"; id: number };

export type Task = Generator<Syscall, unknown, unknown>;

interface Entry {
  id: number;
  gen: Task;
  send: unknown;
  done: boolean;
  result: unknown;
  joiners: Entry[];
}

interface Timer {
  at: number;
  seq: number;
  entry: Entry;
}

export class EventLoop {
  #ready: Entry[] = [];
  #timers: Timer[] = [];
  #tasks: Entry[] = [];
  #seq = 0;

  #start(gen: Task): Entry {
    const entry: Entry = { id: this.#tasks.length, gen, send: undefined, done: false, result: undefined, joiners: [] };
    this.#tasks.push(entry);
    this.#ready.push(entry);
    return entry;
  }

  /** Timers that are due move to the ready queue, earliest first (ties: in the order they were set). */
  #wakeDue() {
    this.#timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    while (this.#timers.length > 0 && this.#timers[0]!.at <= now()) this.#ready.push(this.#timers.shift()!.entry);
  }

  #step(entry: Entry) {
    const send = entry.send;
    entry.send = undefined;
    const r = entry.gen.next(send);
    if (r.done) {
      entry.done = true;
      entry.result = r.value;
      for (const j of entry.joiners) {
        j.send = r.value;
        this.#ready.push(j);
      }
      entry.joiners = [];
      return;
    }
    const call = r.value;
    if (call.kind === "sleep") {
      this.#timers.push({ at: now() + call.ms, seq: this.#seq++, entry });
    } else if (call.kind === "spawn") {
      entry.send = this.#start(call.task).id;
      this.#ready.push(entry);
    } else {
      const target = this.#tasks[call.id];
      if (target === undefined) throw new Error(`join: no task ${call.id}`);
      if (target.done) {
        entry.send = target.result;
        this.#ready.push(entry);
      } else target.joiners.push(entry);
    }
  }

  async run(main: Task): Promise<unknown> {
    const first = this.#start(main);
    for (;;) {
      this.#wakeDue();
      const next = this.#ready.shift();
      if (next) {
        this.#step(next);
        continue;
      }
      if (this.#timers.length === 0) break; // nothing ready, nothing asleep: all done
      // Nothing can run: the loop sleeps until the earliest timer (the select() of chapter 18).
      await sleep(1); // tick, tick, tick…
    }
    return first.result;
  }
}
