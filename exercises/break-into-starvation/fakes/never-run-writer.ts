// Fake: an unfair schedule — the readers take turns and the writer is never run.
export const schedule: number[] = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1];
