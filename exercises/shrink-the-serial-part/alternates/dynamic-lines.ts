// Alternate: dynamic assignment (each thread takes the next line from an AtomicInt) and one total guarded by a Lock, instead of static shares and a SharedArray of scores.
import { AtomicInt, Lock, spawn } from "interleave";

export interface Header {
  readonly version: number;
  readonly separator: string;
}
export interface Rec {
  readonly id: number;
}
export interface Pipeline {
  readHeader(): Promise<Header>;
  parse(line: string, header: Header): Promise<Rec>;
  score(rec: Rec): Promise<number>;
}

export async function analyze(lines: readonly string[], p: Pipeline, threads: number): Promise<number> {
  const header = await p.readHeader();
  const next = new AtomicInt(0, "nextLine");
  const mutex = new Lock("total");
  let total = 0;
  const workers = Array.from({ length: threads }, (_, t) =>
    spawn(
      async () => {
        for (let i = await next.fetchAdd(1); i < lines.length; i = await next.fetchAdd(1)) {
          const s = await p.score(await p.parse(lines[i]!, header));
          await using _ = await mutex.hold();
          total += s;
        }
      },
      `Worker-${t + 1}`,
    ),
  );
  for (const w of workers) await w.join();
  return total;
}
