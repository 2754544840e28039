// Fake: no event loop — every task runs in a runtime thread of its own, sleeping with the runtime's sleep.
import { sleep, spawn, type Thread } from "interleave";

export type Syscall = { kind: "sleep"; ms: number } | { kind: "spawn"; task: Task } | { kind: "join"; id: number };

export type Task = Generator<Syscall, unknown, unknown>;

export class EventLoop {
  #threads: Thread[] = [];
  #results: unknown[] = [];

  #start(gen: Task): number {
    const id = this.#threads.length;
    this.#threads.push(
      spawn(async () => {
        let send: unknown = undefined;
        for (;;) {
          const r = gen.next(send);
          if (r.done) {
            this.#results[id] = r.value;
            return;
          }
          const call = r.value;
          send = undefined;
          if (call.kind === "sleep") await sleep(call.ms);
          else if (call.kind === "spawn") send = this.#start(call.task);
          else {
            await this.#threads[call.id]!.join();
            send = this.#results[call.id];
          }
        }
      }, `Task-${id}`),
    );
    return id;
  }

  async run(main: Task): Promise<unknown> {
    this.#start(main);
    for (let i = 0; i < this.#threads.length; i++) await this.#threads[i]!.join();
    return this.#results[0];
  }
}
