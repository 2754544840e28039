export async function countConcurrently(threads: number, perThread: number): Promise<number> {
  return 0;
}
