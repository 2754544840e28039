// Consumer 0 is notified while the producer still holds m: it cannot leave wait() (it must
// take m back first) until the producer releases m.
export const schedule: number[] = [0, 0, 0, 2, 2, 2, 0, 0];
