// Thread 0 computes and counts (count = 1); thread 1 computes and counts (count = 2). Thread
// 0 sees count == 2 and opens the gate, passes it, leaves (count = 1, so the gate stays
// open), computes round 2, counts (count = 2), opens the open gate and passes the round-2
// barrier — while thread 1 is still at line 3 of round 1. Nobody closed the gate in between.
export const schedule: number[] = [0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0];
