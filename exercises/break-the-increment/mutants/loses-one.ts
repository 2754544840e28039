// Strict alternation: every read is stale by one write, a = 3 — not 2.
export const schedule: number[] = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1];
