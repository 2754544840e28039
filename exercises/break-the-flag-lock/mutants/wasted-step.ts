// Breaks the lock — at step 5: thread 0 runs its critical section before thread 1 sets
// the flag. Correct but not the shortest schedule.
export const schedule: number[] = [0, 1, 0, 0, 1];
