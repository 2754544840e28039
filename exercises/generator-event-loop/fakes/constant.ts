// Fake: a constant answer — runs nothing and returns undefined.
export type Syscall = { kind: "sleep"; ms: number } | { kind: "spawn"; task: Task } | { kind: "join"; id: number };

export type Task = Generator<Syscall, unknown, unknown>;

export class EventLoop {
  async run(_main: Task): Promise<unknown> {
    return undefined;
  }
}
