// Both threads see flag == false before either sets it: a check-then-act race.
// T0 checks (false), T1 checks (false), T0 sets flag, T1 sets flag: both are inside.
export const schedule: number[] = [0, 1, 0, 1];
