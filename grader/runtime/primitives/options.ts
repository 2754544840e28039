import { ValueError } from "../errors";

export interface TimeoutOptions {
  timeout?: number | null;
}

export interface BlockingOptions extends TimeoutOptions {
  blocking?: boolean;
}

/** Python's `timeout` argument: undefined/null/negative → wait forever; a number → virtual ms. */
export function deadlineOf(now: number, options: TimeoutOptions | undefined): number {
  const timeout = options?.timeout;
  if (timeout === undefined || timeout === null || timeout < 0) return Infinity;
  if (typeof timeout !== "number" || Number.isNaN(timeout)) throw new ValueError("timeout must be a number of virtual milliseconds");
  return now + timeout;
}

export function isBlocking(options: BlockingOptions | boolean | undefined): boolean {
  if (typeof options === "boolean") return options;
  return options?.blocking !== false;
}

export function optionsOf(options: BlockingOptions | boolean | undefined): BlockingOptions {
  return typeof options === "boolean" ? { blocking: options } : (options ?? {});
}
