// Alternate: strided lines (i % threads) and one partial sum per thread added up after join, instead of contiguous shares writing every score to a SharedArray.
import { spawn } from "interleave";

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
  const partial: number[] = new Array<number>(threads).fill(0);
  const workers = Array.from({ length: threads }, (_, t) =>
    spawn(
      async () => {
        let sum = 0;
        for (let i = t; i < lines.length; i += threads) sum += await p.score(await p.parse(lines[i]!, header));
        partial[t] = sum;
      },
      `Worker-${t + 1}`,
    ),
  );
  for (const w of workers) await w.join();
  return partial.reduce((a, b) => a + b, 0);
}
