// Fake: the producer runs all it can, then the consumer — no look at who holds what.
export const schedule: number[] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
