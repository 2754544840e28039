// The laws the speedup report reads a program's numbers with (book ch. 2; Karp & Flatt,
// "Measuring parallel processor performance", CACM 33(5), 1990).

/** Amdahl's law: the speedup on `p` cores of a program whose serial fraction is `f`. */
export function amdahlSpeedup(f: number, p: number): number {
  return 1 / (f + (1 - f) / p);
}

/** Amdahl's limit on any number of cores: 1/f. */
export function amdahlLimit(f: number): number {
  return f > 0 ? 1 / f : Infinity;
}

/**
 * Karp–Flatt metric: the serial fraction e = (1/S − 1/P) / (1 − 1/P) that explains a
 * measured speedup S on P > 1 cores (overheads count as serial). Null for P = 1.
 */
export function karpFlatt(speedup: number, p: number): number | null {
  if (p <= 1 || !(speedup > 0)) return null;
  return (1 / speedup - 1 / p) / (1 - 1 / p);
}

/** The largest serial fraction that still allows speedup `s` on `p` cores (inverse of Amdahl). */
export function maxSerialFraction(s: number, p: number): number {
  if (p <= 1) return 1;
  return Math.max(0, (p / s - 1) / (p - 1));
}

/** Reports print 6 significant decimals: deterministic and readable (times are exact anyway). */
export function round6(x: number): number {
  if (!Number.isFinite(x)) return x;
  return Math.round(x * 1e6) / 1e6;
}
