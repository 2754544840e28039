// Thread 0 runs to the end, then thread 1: the lock looks correct without a preemption.
export const schedule: number[] = [0, 0, 0, 0, 1, 1, 1, 1];
