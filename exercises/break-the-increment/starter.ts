// You are the scheduler. Each number is one step: the thread (0 or 1) that runs its next
// line. This schedule runs thread 0, then thread 1 — a ends at 6, nothing is lost.
// Change it so that the program ends with a = 2.
export const schedule: number[] = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1];
