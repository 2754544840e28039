// Fake: a constant pattern — round robin, one line each, whatever the program does.
export const schedule: number[] = [0, 1, 2, 0, 1, 2, 0, 1, 2];
