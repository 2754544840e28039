// You are the scheduler. Each number is one step: the thread (0 or 1) that runs its next
// line. This schedule runs thread 0 alone through its four lines — nothing breaks.
// Change it so that both threads are inside the critical section at the same time.
export const schedule: number[] = [0, 0, 0, 0];
