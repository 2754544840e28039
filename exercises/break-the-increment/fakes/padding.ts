// Fake: padding — a long schedule of every thread number, hoping something breaks.
export const schedule: number[] = [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1];
