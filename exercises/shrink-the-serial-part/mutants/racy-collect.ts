import { Shared, SharedArray, spawn } from "interleave";

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

// Parses in parallel (good) but collects the records in one shared list with a
// read-copy-write and no lock: two threads read the same list and one append is lost.
export async function analyze(lines: readonly string[], p: Pipeline, threads: number): Promise<number> {
  const header = await p.readHeader();
  const parsed = new Shared<Rec[]>([], "parsed");
  const share = Math.ceil(lines.length / threads);
  const parsers = [];
  for (let t = 0; t < threads; t++) {
    const start = t * share;
    const end = Math.min(lines.length, start + share);
    parsers.push(
      spawn(async () => {
        for (let i = start; i < end; i++) {
          const rec = await p.parse(lines[i]!, header);
          const list = await parsed.get();
          await parsed.set([...list, rec]);
        }
      }),
    );
  }
  for (const w of parsers) await w.join();
  const records = await parsed.get();
  const scores = new SharedArray<number>(records.length, "scores");
  const share2 = Math.ceil(records.length / threads);
  const scorers = [];
  for (let t = 0; t < threads; t++) {
    const start = t * share2;
    const end = Math.min(records.length, start + share2);
    scorers.push(
      spawn(async () => {
        for (let i = start; i < end; i++) await scores.set(i, await p.score(records[i]!));
      }),
    );
  }
  for (const w of scorers) await w.join();
  return (await scores.toArray()).reduce((a, b) => a + b, 0);
}
