import { SharedArray, spawn } from "interleave";

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

// One partial sum per thread (good), but the final loop stops one thread short.
export async function analyze(lines: readonly string[], p: Pipeline, threads: number): Promise<number> {
  const header = await p.readHeader();
  const partials = new SharedArray<number>(threads, "partials");
  const share = Math.ceil(lines.length / threads);
  const workers = [];
  for (let t = 0; t < threads; t++) {
    const start = t * share;
    const end = Math.min(lines.length, start + share);
    workers.push(
      spawn(async () => {
        let sum = 0;
        for (let i = start; i < end; i++) sum += await p.score(await p.parse(lines[i]!, header));
        await partials.set(t, sum);
      }),
    );
  }
  for (const w of workers) await w.join();
  let total = 0;
  for (let t = 0; t < threads - 1; t++) total += await partials.get(t);
  return total;
}
