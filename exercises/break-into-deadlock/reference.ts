// Thread 2 only goes on if C has money, so thread 1 first moves 10 into C (3 steps). Thread 1
// releases C; thread 2 checks C and takes it. Thread 1 releases B and takes it again for its
// second transfer; thread 0 takes A. Now thread 0 waits for B (thread 1), thread 1 for C
// (thread 2), thread 2 for A (thread 0): a cycle.
export const schedule: number[] = [1, 1, 1, 1, 2, 2, 1, 1, 0];
