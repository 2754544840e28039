// Reaches a = 2, but with six switches between threads instead of five.
export const schedule: number[] = [0, 1, 0, 0, 0, 1, 0, 1, 1, 1, 1, 0];
