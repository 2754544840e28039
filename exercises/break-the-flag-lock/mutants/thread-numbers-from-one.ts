// Numbers the threads 1 and 2 instead of 0 and 1.
export const schedule: number[] = [1, 2, 1, 2];
