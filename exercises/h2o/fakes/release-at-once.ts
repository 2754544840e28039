// Fake: nothing waits — every atom releases as soon as it arrives.
export class H2O {
  async hydrogen(releaseHydrogen: () => Promise<void>): Promise<void> {
    await releaseHydrogen();
  }

  async oxygen(releaseOxygen: () => Promise<void>): Promise<void> {
    await releaseOxygen();
  }
}
