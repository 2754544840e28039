// The producer puts item 1 in the buffer (5 steps: empty = 0, full = 1), takes the mutex for
// item 2 and waits in empty.acquire() — holding the mutex. The consumer takes full and waits
// for the mutex it would need to take item 1 out and release empty: each waits for the other.
export const schedule: number[] = [0, 0, 0, 0, 0, 0, 1];
