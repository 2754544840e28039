// Fake: a long guessed schedule, consumers first, hoping that something crashes
export const schedule: number[] = [0, 0, 1, 1, 2, 2, 2, 2, 0, 0, 1, 1];
