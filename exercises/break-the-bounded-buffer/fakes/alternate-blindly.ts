// Fake: a constant pattern — alternate line by line.
export const schedule: number[] = [0, 1, 0, 1, 0, 1, 0, 1];
