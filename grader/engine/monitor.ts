// What the scheduler tells the detectors (happens-before races, lock order). The runtime
// reports every synchronizing operation here; a detector that finds a bug fails the schedule.

import type { SourceSite } from "../protocol/types";

/**
 * What a detector reads of a virtual thread (the scheduler's VThread has it): declared here
 * so that the scheduler, which calls the monitor, stays the only one of the two to import the other.
 */
export interface MonitoredThread {
  readonly id: number;
  readonly name: string;
  /** The runtime operation the thread is inside (a missing `await` leaves one behind). */
  readonly inFlight: string | null;
  readonly inFlightSite: SourceSite | undefined;
}

type VThread = MonitoredThread;

export interface LockRef {
  key: object;
  name: string;
}

export interface Monitor {
  fork(parent: number | null, child: number): void;
  join(joiner: number, joined: number): void;
  /** Release-like operations: lock release, Event.set, Semaphore.release, Queue.put, notify, barrier arrival. */
  release(t: VThread, sync: object): void;
  /** Acquire-like operations: lock acquire, Event.wait returning, Semaphore.acquire, Queue.get, barrier departure. */
  acquire(t: VThread, sync: object): void;
  /** A sequentially consistent atomic operation (acquire and release at once; never a race). */
  atomic(t: VThread, sync: object): void;
  read(t: VThread, location: object, target: string): void;
  write(t: VThread, location: object, target: string): void;
  /** A lock was acquired (for the lock-order graph); `couldWaitForever` is false for timed or non-blocking acquisitions. */
  lockAcquired(t: VThread, lock: LockRef, couldWaitForever: boolean): void;
  lockReleased(t: VThread, lock: LockRef): void;
  /** A semaphore permit was taken / given back (a semaphore can gate a lock-order cycle). */
  permitAcquired(t: VThread, semaphore: object, capacity: number): void;
  permitReleased(t: VThread, semaphore: object): void;
}

export const quietMonitor: Monitor = {
  fork() {},
  join() {},
  release() {},
  acquire() {},
  atomic() {},
  read() {},
  write() {},
  lockAcquired() {},
  lockReleased() {},
  permitAcquired() {},
  permitReleased() {},
};
