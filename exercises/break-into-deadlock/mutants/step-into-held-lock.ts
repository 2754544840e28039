// Schedules thread 0 into lock(B) while thread 1 holds B: a blocked thread cannot run.
export const schedule: number[] = [1, 0, 0];
