// Fake: a long guessed schedule, thread 1 first, hoping that something breaks
export const schedule: number[] = [1, 1, 1, 0, 0, 0, 1, 0, 1, 0];
