// A deadlock with the third item: correct, but longer than needed.
export const schedule: number[] = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1];
