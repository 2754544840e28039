// Both readers leave before the writer looks again: it gets in.
export const schedule: number[] = [0, 1, 2, 0, 0, 1, 1, 2];
