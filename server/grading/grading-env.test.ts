import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";

// The grading variables of server/env.ts (its other variables are tested in server/env.test.ts).
describe("grading environment", () => {
  it("defaults to one worker process with two sandbox processes", () => {
    expect(parseEnv({})).toMatchObject({
      EXERCISES_DIR: "exercises",
      GRADING_WORKERS: 1,
      GRADING_POOL_SIZE: 2,
      GRADING_LEASE_SECONDS: 30,
      GRADING_POLL_MS: 100,
      GRADING_DEADLINE_SECONDS: 60,
    });
  });

  it("parses numbers and names the bad variable", () => {
    expect(parseEnv({ GRADING_WORKERS: "0", GRADING_POOL_SIZE: "4" })).toMatchObject({
      GRADING_WORKERS: 0,
      GRADING_POOL_SIZE: 4,
    });
    expect(() => parseEnv({ GRADING_POOL_SIZE: "0" })).toThrow(/GRADING_POOL_SIZE: must be at least 1/);
    expect(() => parseEnv({ GRADING_WORKERS: "two" })).toThrow(/GRADING_WORKERS: must be a whole number/);
    expect(() => parseEnv({ GRADING_LEASE_SECONDS: "1.5" })).toThrow(/GRADING_LEASE_SECONDS/);
    expect(parseEnv({ GRADING_DEADLINE_SECONDS: "90" }).GRADING_DEADLINE_SECONDS).toBe(90);
    expect(() => parseEnv({ GRADING_DEADLINE_SECONDS: "1" })).toThrow(/GRADING_DEADLINE_SECONDS: must be at least 5/);
  });
});
