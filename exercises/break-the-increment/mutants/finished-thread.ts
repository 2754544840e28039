// Schedules thread 0 a seventh time: it has only six lines.
export const schedule: number[] = [0, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 1, 0];
