// Fake: a constant answer — accepts jobs and never runs any.
export type JobFn = () => Promise<void>;

export interface JobOptions {
  every?: number;
  after?: number;
  maxInstances?: number;
}

export class JobScheduler {
  constructor(_workers: number) {}

  addJob(_name: string, _fn: JobFn, _options: JobOptions): void {}

  async start(): Promise<void> {}

  async shutdown(): Promise<void> {}
}
