// Two of the three locked in a wait, the third still free to run: not a deadlock.
export const schedule: number[] = [1, 1, 1, 1, 2, 2, 1];
