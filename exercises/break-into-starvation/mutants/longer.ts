// The writer fails 8 times, but the schedule goes on after that.
export const schedule: number[] = [0, 2, 2, 1, 0, 2, 2, 1, 0, 2, 2, 1, 0, 2, 2, 1];
