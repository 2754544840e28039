// You are the scheduler — a fair one: in any 4 consecutive steps every thread runs at least
// once. Each number is one step: the thread (0 and 1 are readers, 2 is the writer) that runs
// its next line. Here the writer goes first and gets in at once.
// Change it so that the writer finds readers inside 8 times.
export const schedule: number[] = [2, 2];
