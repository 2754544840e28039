// Thread 2 checks C before any money arrived: it returns, and the other two cannot form a cycle.
export const schedule: number[] = [2, 0, 1, 0];
