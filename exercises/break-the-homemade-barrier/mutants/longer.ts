// Breaks the barrier, but thread 1 runs its first barrier lines needlessly.
export const schedule: number[] = [0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0];
