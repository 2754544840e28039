import { ValueError } from "../errors";

export interface TimeoutOptions {
  timeout?: number | null;
}

export interface BlockingOptions extends TimeoutOptions {
  blocking?: boolean;
}

/**
 * Python's `timeout` argument: undefined/null → wait forever; a number → virtual ms. A
 * negative timeout has already expired, as in Python's Condition.wait, Event.wait,
 * Semaphore.acquire, Barrier.wait and Thread.join: treating it as "forever" turned the
 * common `wait({ timeout: deadline - now() })` into a hang once the deadline had passed.
 * Lock.acquire (-1 means forever) and Queue (negative is a ValueError) check theirs first.
 */
export function deadlineOf(now: number, options: TimeoutOptions | undefined): number {
  const timeout = options?.timeout;
  if (timeout === undefined || timeout === null) return Infinity;
  if (typeof timeout !== "number" || Number.isNaN(timeout))
    throw new ValueError("timeout must be a number of virtual milliseconds");
  return now + Math.max(0, timeout);
}

export function isBlocking(options: BlockingOptions | boolean | undefined): boolean {
  if (typeof options === "boolean") return options;
  return options?.blocking !== false;
}

export function optionsOf(options: BlockingOptions | boolean | undefined): BlockingOptions {
  return typeof options === "boolean" ? { blocking: options } : (options ?? {});
}
