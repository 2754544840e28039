// Fake: no interleaving — runs each task to the end in turn, sleeping for it, and spawned tasks run inline.
import { sleep } from "interleave";

export type Syscall = { kind: "sleep"; ms: number } | { kind: "spawn"; task: Task } | { kind: "join"; id: number };

export type Task = Generator<Syscall, unknown, unknown>;

export class EventLoop {
  #results: unknown[] = [];

  async #runToEnd(gen: Task): Promise<unknown> {
    const id = this.#results.length;
    this.#results.push(undefined);
    let send: unknown = undefined;
    for (;;) {
      const r = gen.next(send);
      if (r.done) {
        this.#results[id] = r.value;
        return r.value;
      }
      const call = r.value;
      send = undefined;
      if (call.kind === "sleep") await sleep(call.ms);
      else if (call.kind === "spawn") {
        send = this.#results.length;
        await this.#runToEnd(call.task);
      } else send = this.#results[call.id];
    }
  }

  async run(main: Task): Promise<unknown> {
    return this.#runToEnd(main);
  }
}
