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

// The starter as given: every line is parsed by the calling thread before scoring starts.
export async function analyze(lines: readonly string[], p: Pipeline, threads: number): Promise<number> {
  const header = await p.readHeader();

  // Serial: the calling thread parses every line before any thread starts scoring.
  const records: Rec[] = [];
  for (const line of lines) records.push(await p.parse(line, header));

  // Parallel: each thread scores its share of the records.
  const scores = new SharedArray<number>(records.length, "scores");
  const share = Math.ceil(records.length / threads);
  const workers = [];
  for (let t = 0; t < threads; t++) {
    const start = t * share;
    const end = Math.min(records.length, start + share);
    workers.push(
      spawn(
        async () => {
          for (let i = start; i < end; i++) await scores.set(i, await p.score(records[i]!));
        },
        `Scorer-${t + 1}`,
      ),
    );
  }
  for (const w of workers) await w.join();
  return (await scores.toArray()).reduce((a, b) => a + b, 0);
}
