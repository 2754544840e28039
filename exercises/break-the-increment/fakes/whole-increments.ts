// Fake: a constant pattern — two lines each in turn (a whole increment per turn).
export const schedule: number[] = [0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1];
