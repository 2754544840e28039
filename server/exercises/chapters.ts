// The chapters of "Mastering Concurrency in Python", which the catalogue follows (DESIGN.md).
export const CHAPTERS: readonly { number: number; title: string }[] = [
  { number: 1, title: "Concurrent vs parallel programming" },
  { number: 2, title: "Amdahl's law" },
  { number: 3, title: "Threads" },
  { number: 4, title: "The with statement and locks" },
  { number: 5, title: "Concurrent web requests" },
  { number: 6, title: "Processes" },
  { number: 7, title: "Reduction operators in processes" },
  { number: 8, title: "Concurrent image processing" },
  { number: 9, title: "Asynchronous programming" },
  { number: 10, title: "Implementing async programs" },
  { number: 11, title: "Communication channels with asyncio" },
  { number: 12, title: "Deadlocks" },
  { number: 13, title: "Starvation" },
  { number: 14, title: "Race conditions" },
  { number: 15, title: "The Global Interpreter Lock" },
  { number: 16, title: "Lock-based and mutex-free concurrent data structures" },
  { number: 17, title: "Memory models and atomic types" },
  { number: 18, title: "A server from scratch" },
  { number: 19, title: "Testing, debugging and scheduling concurrent applications" },
];

export function chapterTitle(chapter: number): string {
  return CHAPTERS.find((c) => c.number === chapter)?.title ?? `Chapter ${chapter}`;
}
