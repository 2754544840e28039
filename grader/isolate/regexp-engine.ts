// Catastrophic backtracking (`/(a+)+$/` on "aaaa…b") runs in V8's native regexp engine,
// where no cost tick can interrupt it (issue 9). With this flag V8 falls back to its
// linear-time engine once a match has backtracked too much, so such a pattern ends in time
// proportional to its input and is charged by it (grader/engine/builtin-costs.ts).
// Patterns the linear engine cannot run (backreferences, lookarounds) still meet the
// isolate's wall-clock timeout (a `timeout` verdict). isolated-vm's isolates share the
// process's V8 flags; setting it at run time works because V8 reads it at each match.

import v8 from "node:v8";

v8.setFlagsFromString("--enable-experimental-regexp-engine-on-excessive-backtracks");
