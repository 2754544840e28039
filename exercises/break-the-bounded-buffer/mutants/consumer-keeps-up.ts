// The consumer empties the buffer before the producer comes back: no deadlock, both go on.
export const schedule: number[] = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0];
