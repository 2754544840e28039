// The producer runs first: consumer 0 gets the apple, consumer 1 waits forever. Unhappy,
// but nobody crashes.
export const schedule: number[] = [2, 2, 2, 2, 0, 0, 0, 0, 1, 1, 1];
