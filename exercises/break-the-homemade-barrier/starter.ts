// You are the scheduler. Each number is one step: the thread (0 or 1) that runs its next
// line. This schedule keeps the two threads in step — the barrier works.
// Change it so that one thread gets past the round-2 barrier before the other has even
// started round 2.
export const schedule: number[] = [0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1];
