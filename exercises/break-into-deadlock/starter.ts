// You are the scheduler. Each number is one step: the thread (0, 1 or 2) that runs its next
// line. This schedule runs the threads one after the other — every transfer goes through.
// Change it so that the threads deadlock.
export const schedule: number[] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2];
