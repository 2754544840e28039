// Fake: runs thread 0 as far as it goes, hoping the barrier lets it through.
export const schedule: number[] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
