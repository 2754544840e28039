import { assert, currentThread, now, work } from "interleave";
import { measure } from "interleave/harness";
import { analyze, type Header, type Pipeline, type Rec } from "./solution";

const HEADER_MS = 4;
const PARSE_MS = 2;
const SCORE_MS = 6;

const scoreOf = (id: number) => ((id * 7919 + 13) % 101) + 1;

interface Run {
  pipeline: Pipeline;
  headerCalls: number;
  parseCalls: Map<string, number>;
  scoreCalls: Map<number, number>;
  /** score() calls per thread name. */
  scoreThreads: Map<string, number>;
  /** When the pipeline's work ran: the first call's start, the last call's end (virtual ms). */
  first: number;
  last: number;
}

function makePipeline(): Run {
  const header: Header = Object.freeze({ version: 3, separator: "#" });
  const parsed = new WeakSet<object>();
  let headerRead = false;
  const run: Run = {
    headerCalls: 0,
    parseCalls: new Map(),
    scoreCalls: new Map(),
    scoreThreads: new Map(),
    first: Infinity,
    last: -Infinity,
    pipeline: Object.freeze({
      readHeader: async (): Promise<Header> => {
        run.headerCalls++;
        run.first = Math.min(run.first, now());
        await work(HEADER_MS);
        run.last = Math.max(run.last, now());
        headerRead = true;
        return header;
      },
      parse: async (line: string, h: Header): Promise<Rec> => {
        assert(
          headerRead && h === header,
          `parse("${line}") was called ${headerRead ? "with something else than the header readHeader() returned" : "before readHeader() had finished"}: every record needs the header, so reading it is the part that must come first`,
        );
        run.parseCalls.set(line, (run.parseCalls.get(line) ?? 0) + 1);
        run.first = Math.min(run.first, now());
        await work(PARSE_MS);
        run.last = Math.max(run.last, now());
        const rec: Rec = Object.freeze({ id: Number(line.split(h.separator)[1]) });
        parsed.add(rec);
        return rec;
      },
      score: async (rec: Rec): Promise<number> => {
        assert(
          typeof rec === "object" && rec !== null && parsed.has(rec),
          "score() must be given a record that parse() returned",
        );
        run.scoreCalls.set(rec.id, (run.scoreCalls.get(rec.id) ?? 0) + 1);
        const who = currentThread().name;
        run.scoreThreads.set(who, (run.scoreThreads.get(who) ?? 0) + 1);
        run.first = Math.min(run.first, now());
        await work(SCORE_MS);
        run.last = Math.max(run.last, now());
        return scoreOf(rec.id);
      },
    }),
  };
  return run;
}

async function checkRun(n: number, threads: number): Promise<Run> {
  const lines = Array.from({ length: n }, (_, i) => `rec#${i}`);
  const run = makePipeline();
  const total = await analyze(lines, run.pipeline, threads);
  const what = `${n} lines on ${threads} threads`;
  let want = 0;
  for (let i = 0; i < n; i++) want += scoreOf(i);
  assert(run.headerCalls === 1, `${what}: readHeader() was called ${run.headerCalls} times, expected once`);
  for (let i = 0; i < n; i++) {
    const p = run.parseCalls.get(lines[i]!) ?? 0;
    assert(p === 1, `${what}: line ${i} was parsed ${p} times, expected once`);
    const s = run.scoreCalls.get(i) ?? 0;
    assert(s === 1, `${what}: record ${i} was scored ${s} times, expected once`);
  }
  assert(total === want, `${what}: the total score should be ${want}, got ${String(total)}`);
  ranInWorkers(run.scoreThreads, currentThread().name, Math.min(threads, n), "score()", what);
  return run;
}

/**
 * Who ran the grader's kernel: it must run in the worker threads, shared between them — a
 * computation done by the calling thread (with threads started only to look busy) is not
 * parallel.
 */
function ranInWorkers(
  byThread: Map<string, number>,
  main: string,
  workers: number,
  kernel: string,
  what: string,
): void {
  const total = [...byThread.values()].reduce((a, b) => a + b, 0);
  const fromMain = byThread.get(main) ?? 0;
  assert(
    fromMain === 0,
    `${what}: the calling thread ran ${kernel} ${fromMain} of ${total} times: give the work to the worker threads`,
  );
  const most = Math.max(0, ...byThread.values());
  assert(
    workers <= 1 || most <= (2 * total) / workers,
    `${what}: one thread ran ${kernel} ${most} of ${total} times: share the work between the ${workers} threads`,
  );
}

export async function small() {
  await checkRun(6, 3);
}

/**
 * 4 ms of header, then 48 records × (2 ms parse + 6 ms score): 388 ms of work. The speedup is
 * the pipeline's own: those 388 ms over the time from the first call to the last return.
 * Workers run one after another while padding threads burn the other cores made T1/T4 look
 * like 4; this cannot be padded.
 */
export async function big() {
  const run = await checkRun(48, 4);
  measure("pipeline-speedup", (HEADER_MS + 48 * (PARSE_MS + SCORE_MS)) / Math.max(run.last - run.first, 1e-9));
}

export async function uneven() {
  await checkRun(7, 3);
  await checkRun(2, 4);
  await checkRun(0, 2);
  await checkRun(5, 1);
}
