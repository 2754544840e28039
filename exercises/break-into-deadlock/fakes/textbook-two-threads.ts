// Fake: the textbook deadlock of two threads, copied without reading this program.
export const schedule: number[] = [0, 1, 0, 1];
