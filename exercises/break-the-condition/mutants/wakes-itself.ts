// Schedules consumer 0 again while it is asleep in wait(): a sleeping thread cannot run
// until someone notifies it.
export const schedule: number[] = [0, 0, 0, 0, 0];
