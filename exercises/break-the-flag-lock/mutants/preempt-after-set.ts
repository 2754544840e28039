// Preempts thread 0 once it has set the flag: thread 1 just spins on line 1.
export const schedule: number[] = [0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1];
