// Both consumers wait, notifyAll wakes both; the first takes the apple, the second crashes.
// A correct break — in 15 steps, where 13 are enough.
export const schedule: number[] = [0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 0, 0, 0, 1, 1];
