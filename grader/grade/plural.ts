/** "1 schedule", "3 schedules", "1 process", "2 processes" — report text (issue 14). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
