// Fake: a constant pattern — the writer on every other step, readers in turn.
export const schedule: number[] = [0, 2, 1, 2, 0, 2, 1, 2, 0, 2, 1, 2];
