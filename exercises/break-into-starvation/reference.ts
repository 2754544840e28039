// Reader 0 comes in; the writer looks twice (readers > 0). Reader 1 comes in, reader 0 reads;
// the writer looks twice. Reader 1 reads, reader 0 leaves (reader 1 is still inside); the
// writer looks twice. Reader 1 leaves and reader 0 comes straight back before the writer
// looks again: readers is 0 only while the writer is not looking — every thread runs in
// every 4 steps, and the writer still never gets in.
export const schedule: number[] = [0, 2, 2, 1, 0, 2, 2, 1, 0, 2, 2, 1, 0, 2, 2];
