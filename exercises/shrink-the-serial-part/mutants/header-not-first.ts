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

// Overlaps everything, including the header: the workers start parsing while another
// thread is still reading the header they need.
export async function analyze(lines: readonly string[], p: Pipeline, threads: number): Promise<number> {
  let header: Header | undefined;
  const reader = spawn(async () => {
    header = await p.readHeader();
  }, "HeaderReader");
  const scores = new SharedArray<number>(lines.length, "scores");
  const share = Math.ceil(lines.length / threads);
  const workers = [];
  for (let t = 0; t < threads; t++) {
    const start = t * share;
    const end = Math.min(lines.length, start + share);
    workers.push(
      spawn(async () => {
        for (let i = start; i < end; i++) await scores.set(i, await p.score(await p.parse(lines[i]!, header!)));
      }),
    );
  }
  await reader.join();
  for (const w of workers) await w.join();
  return (await scores.toArray()).reduce((a, b) => a + b, 0);
}
