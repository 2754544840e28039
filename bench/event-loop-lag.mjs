// Event-loop lag of the web server under load (issue 17, bench/load.ts): preloaded into the
// server's processes with NODE_OPTIONS="--import <this file>" and LOAD_LAG_FILE set. In the
// Next.js server process only (the workers and scripts that inherit NODE_OPTIONS do nothing),
// it appends one JSON line a second to LOAD_LAG_FILE: the event loop's delay over that second
// (perf_hooks' histogram, resolution 10 ms): { pid, at, p50Ms, p99Ms, maxMs }.
import { appendFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";

const file = process.env.LOAD_LAG_FILE;
const isNext = process.argv.some((arg) => /[\\/]next([\\/]|$)/.test(arg)) && process.argv.includes("start");
if (file && isNext) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const ms = (ns) => Math.round(ns / 1e5) / 10;
  setInterval(() => {
    if (histogram.count > 0) {
      appendFileSync(
        file,
        `${JSON.stringify({
          pid: process.pid,
          at: Date.now(),
          p50Ms: ms(histogram.percentile(50)),
          p99Ms: ms(histogram.percentile(99)),
          maxMs: ms(histogram.max),
        })}\n`,
      );
    }
    histogram.reset();
  }, 1_000).unref();
}
