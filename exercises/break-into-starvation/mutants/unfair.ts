// Starves the writer by never running it: not fair (it must run in every 4 steps).
export const schedule: number[] = [0, 0, 1, 1, 0, 0, 1, 1];
