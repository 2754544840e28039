// Both threads leave the first barrier and the last one out closes the gate: the barrier holds.
export const schedule: number[] = [0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0];
