// Stops before the threads are done: a = 1 after five steps, but the goal is the final value.
export const schedule: number[] = [0, 1, 0, 1, 1];
