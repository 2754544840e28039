// Thread 0 first runs a whole transfer: a deadlock, but after five needless steps.
export const schedule: number[] = [0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 1, 1, 0];
