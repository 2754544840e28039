// Both pass the first barrier; the last one out closes the gate, so thread 0 later waits at line 10.
export const schedule: number[] = [0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0];
