// Fake: no synchronization at all — everyone walks straight in.
export class FairRWLock {
  async acquireRead(): Promise<void> {}

  async releaseRead(): Promise<void> {}

  async acquireWrite(): Promise<void> {}

  async releaseWrite(): Promise<void> {}
}
