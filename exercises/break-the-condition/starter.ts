// You are the scheduler. Each number is one step: the thread that runs its next line
// (0 and 1 are the consumers, 2 is the producer). This schedule lets the producer put its
// apple in the queue, then consumer 0 take it — nothing goes wrong.
// Change it so that a consumer calls items.shift() on an empty queue.
export const schedule: number[] = [2, 2, 2, 2, 0, 0, 0, 0];
