// The performance model's cost table (issue 5), in one place. Virtual time is in
// milliseconds; nothing here reads a real clock, so every figure is the same on any host.
//
// | what                                   | cost                         | charged to                       |
// |----------------------------------------|------------------------------|----------------------------------|
// | instrumented statement (a loop iteration's statements, a function call's, a module's top level; grader/compile/instrument.ts) | 1 unit = 1/1024 ms (≈ 1 µs) per statement, and 1 more per OPS_PER_UNIT operations beyond the first OPS_PER_UNIT of a long expression | the running thread (a module's load: the thread that loads it), as CPU time |
// | built-in call (sort, map, join, JSON, regular expressions, string building; grader/engine/builtin-costs.ts) | 1 unit per BUILTIN_ITEMS_PER_UNIT items of its input (n·log2 n for a sort), rounded up, charged before it runs; callbacks tick on their own | the running thread, as CPU time |
// | `work(units)`                          | `units` ms                   | the calling thread, as CPU time  |
// | context switch, lock hand-off, queue operation, atomic operation | 0 (below the model's resolution; see below) | — |
// | process spawn                          | 1 ms in the parent, 20 ms in the child (interpreter start-up) | both |
// | message between processes (pickle, pipe, pool task or result) | 0.05 ms + 0.00001 ms per byte, on each side (rounded up to a unit) | sender and receiver |
// | `sleep`, simulated I/O                 | the time asked / the URL's latency, no CPU | (no core is occupied) |
// | GIL switch interval (`gil: true`)      | 5 ms, as CPython's sys.getswitchinterval() | threads of one process |
//
// A burst is what a thread runs between two of its scheduling points. A burst of at least
// CHARGE_QUANTUM units (0.125 ms) is charged as CPU time — on a virtual core, under its
// process's GIL when that is on — at the scheduling point that ends it, in proportion to its
// statements; a shorter burst is carried (CARRY_SLICE). So a loop that really computes costs its iterations,
// while the few statements of glue code around each runtime operation never add up: they
// would make analytic makespans inexact (4 × work(100) on 4 cores is exactly 100) and, by
// opening gaps in busy loops, change which schedules exist (a readers-preference lock must
// still starve its writer under rr). That is also why thread-level operations cost 0: in
// CPython they take about a microsecond, the resolution of this model. A unit is a power of
// two of a millisecond so that every virtual time stays an exact binary fraction.

/** Virtual milliseconds per cost unit (one instrumented statement): 2^-10 ms. */
export const UNIT_MS = 1 / 1024;

/**
 * Operations (calls, arithmetic, comparisons, conditionals; loads are free) one statement
 * may hold for one unit (issue 9). Real statements hold fewer — `s += a[i][k] * b[k][j]`
 * two, a clamped blur index five — so the old calibration (a unit a statement) stands and
 * the exercises' makespan limits with it (4 doubled tree-reduction's and halo-tiles'
 * kernels); a kernel squeezed into one long expression costs about what its statements do.
 */
export const OPS_PER_UNIT = 6;

/**
 * Items (array elements, characters) a built-in processes per unit (issue 9). Native code
 * runs about an order of magnitude faster than interpreted statements (CPython's sum() vs a
 * for loop), so a built-in is cheaper per item than a loop — but never free.
 */
export const BUILTIN_ITEMS_PER_UNIT = 8;

/** The smallest burst that is charged at once: 128 units (0.125 ms). */
export const CHARGE_QUANTUM = 128;

/**
 * Shorter bursts are carried, not forgiven: once a thread's carried units reach 5 ms (a
 * scheduler time slice, CPython's switch interval) they are charged as one burst, and what
 * is left at the thread's end is charged if it reaches the quantum. Glue code stays below
 * the model's resolution, but a loop cannot hide its work by yielding every few iterations.
 */
export const CARRY_SLICE = 5 * 1024;

export const SPAWN_PARENT_MS = 1;
export const SPAWN_CHILD_MS = 20;
export const MESSAGE_MS = 0.05;
export const BYTE_MS = 0.00001;

/** CPython's default sys.getswitchinterval(): 5 ms. */
export const GIL_SWITCH_INTERVAL_MS = 5;

/** Default CPU budget per schedule, in units, per allowed scheduling point (maxSteps). */
export const UNITS_PER_STEP_BUDGET = 200;

/** Cost of copying `bytes` between processes, on one side (a whole number of units). */
export function messageMs(bytes: number): number {
  return Math.ceil((MESSAGE_MS + bytes * BYTE_MS) / UNIT_MS) * UNIT_MS;
}
