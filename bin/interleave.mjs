#!/usr/bin/env node
// `npx interleave ...`: the grader's command line. The grader is TypeScript run through tsx;
// student code never runs in this process (see grader/workers/pool.ts).
import { register } from "tsx/esm/api";

register();
const { main } = await import("../grader/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
