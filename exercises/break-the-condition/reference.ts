// Consumer 0 finds the queue empty and waits (3 steps). The producer adds the apple,
// notifies and releases m (4). Consumer 1 comes in, finds the apple (its `if` skips the
// wait), takes it and releases m (4). Consumer 0 takes m back and — since it checked with
// `if`, not `while` — takes an item from the now empty queue (2).
export const schedule: number[] = [0, 0, 0, 2, 2, 2, 2, 1, 1, 1, 1, 0, 0];
