// You are the scheduler. Each number is one step: the thread (0 is the producer, 1 the
// consumer) that runs its next line. This schedule hands the three items over one by one —
// nothing goes wrong. Change it so that the two threads deadlock.
export const schedule: number[] = [
  0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1,
];
