// Fake: no threads at all: the calling thread parses and scores every line itself
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

export async function analyze(lines: readonly string[], p: Pipeline, _threads: number): Promise<number> {
  const header = await p.readHeader();
  let total = 0;
  for (const line of lines) total += await p.score(await p.parse(line, header));
  return total;
}
