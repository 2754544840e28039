import { sleep } from "interleave";

/** What a task yields to the loop (a "system call"), and what the loop sends back. */
export type Syscall =
  | { kind: "sleep"; ms: number } //  resume after `ms` virtual ms; sends back undefined
  | { kind: "spawn"; task: Task } //  start another task; sends back its id (a number)
  | { kind: "join"; id: number }; //  wait until task `id` has returned; sends back its return value

export type Task = Generator<Syscall, unknown, unknown>;

/**
 * An event loop for tasks written as generators (chapter 18): the loop runs one task until
 * it yields a syscall, handles the syscall, and picks the next task that can run. While
 * every task is asleep, the loop itself sleeps until the earliest one is due. run(main)
 * resolves to main's return value once every task has finished.
 */
export class EventLoop {
  async run(main: Task): Promise<unknown> {
    // A start: runs main alone, and blocks the whole loop on every sleep.
    let send: unknown = undefined;
    for (;;) {
      const step = main.next(send);
      if (step.done) return step.value;
      const call = step.value;
      send = undefined;
      if (call.kind === "sleep") await sleep(call.ms); // TODO: other tasks should run meanwhile
      // TODO: spawn and join
    }
  }
}
