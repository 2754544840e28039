// The consumer goes first: it waits in full.acquire() while full = 0 — it cannot be scheduled.
export const schedule: number[] = [1, 0];
