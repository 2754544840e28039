// Thread 0 alone: it waits at the closed gate (line 4) — it cannot be scheduled there.
export const schedule: number[] = [0, 0, 0, 0];
