// Fake: a constant pattern — strict alternation, one line each, whatever the program does.
export const schedule: number[] = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1];
