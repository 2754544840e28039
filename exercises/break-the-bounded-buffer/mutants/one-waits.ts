// The producer waits in empty.acquire() holding the mutex, but the consumer can still take full: not yet a deadlock.
export const schedule: number[] = [0, 0, 0, 0, 0, 0];
