import { now } from "interleave";

/** Amdahl's law: the speedup on `p` cores of a program whose serial fraction is `f`. */
export function amdahlSpeedup(f: number, p: number): number {
  // TODO
  void f;
  void p;
  return 1;
}

/**
 * Karp–Flatt: the serial fraction implied by a measured `speedup` on `p` cores.
 * Undefined (null) for p = 1.
 */
export function karpFlatt(speedup: number, p: number): number | null {
  // TODO
  void speedup;
  void p;
  return 0;
}

/**
 * Measure the speedup of `run` on `p` threads: how much faster `run(p)` is than `run(1)`,
 * in virtual time (`now()`).
 */
export async function measureSpeedup(run: (threads: number) => Promise<void>, p: number): Promise<number> {
  // TODO: time run(1), then time run(p).
  void run;
  void p;
  void now;
  return 1;
}
