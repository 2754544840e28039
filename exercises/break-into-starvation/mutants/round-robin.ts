// Round robin: the readers leave together and the writer gets in after two tries.
export const schedule: number[] = [0, 1, 2, 0, 1, 2, 0, 1, 2];
