// Thread 0 reads 0 and is preempted. Thread 1 runs two increments (a = 2). Thread 0 writes
// its stale 0 + 1 (a = 1). Thread 1 reads 1 and is preempted. Thread 0 runs its last two
// increments (a = 3). Thread 1 writes its stale 1 + 1: a = 2, five switches.
export const schedule: number[] = [0, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 1];
