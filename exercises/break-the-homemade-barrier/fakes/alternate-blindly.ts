// Fake: a constant pattern — strict alternation, one line each.
export const schedule: number[] = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1];
