// Fake: a guessed schedule that alternates the three threads
export const schedule: number[] = [0, 1, 2, 0, 1, 2, 0, 1, 2];
