// Consumer 0 waits, is notified, and takes m back before consumer 1 gets in: it gets the
// apple, and consumer 1 finds the queue empty and waits. No crash.
export const schedule: number[] = [0, 0, 0, 2, 2, 2, 2, 0, 0, 0, 1, 1, 1];
