// Everything that comes out of the sandbox is untrusted: parse it before using it.

import { z } from "zod";
import type { ScheduleResult } from "../runtime/types";

const site = { file: z.string().optional(), line: z.number().int().optional() };

const raceAccess = z.object({ thread: z.string(), op: z.enum(["read", "write"]), target: z.string(), step: z.number(), ...site });

const outcome = z.object({
  kind: z.enum(["passed", "assertion", "error", "deadlock", "potential-deadlock", "data-race", "step-limit", "escaped", "misuse", "diverged"]),
  message: z.string(),
  thread: z.string().optional(),
  ...site,
  waits: z
    .array(z.object({ thread: z.string(), op: z.string(), target: z.string(), holder: z.string().optional(), ...site }))
    .optional(),
  cycle: z.array(z.string()).optional(),
  race: z.object({ target: z.string(), kind: z.string(), first: raceAccess, second: raceAccess }).optional(),
  lockOrder: z
    .array(
      z.object({
        thread: z.string(),
        held: z.string(),
        acquired: z.string(),
        heldAt: z.object(site).optional(),
        acquiredAt: z.object(site).optional(),
      }),
    )
    .optional(),
});

const traceEvent = z.object({
  step: z.number().int(),
  thread: z.string(),
  op: z.string(),
  target: z.string().optional(),
  value: z.string().optional(),
  time: z.number(),
  ...site,
});

const scheduleResult = z.object({
  outcome,
  steps: z.number().int(),
  decisions: z.array(z.number().int()),
  options: z.array(z.object({ chosen: z.number().int(), runnable: z.array(z.number().int()), current: z.number().int() })).optional(),
  preemptions: z.number().int(),
  time: z.number(),
  work: z.number(),
  threads: z.array(z.string()),
  trace: z.array(traceEvent).optional(),
  traceDropped: z.number().int().optional(),
  finalStates: z.array(z.object({ thread: z.string(), state: z.string(), op: z.string().optional(), target: z.string().optional() })),
});

export function parseScheduleResult(raw: unknown): ScheduleResult {
  if (typeof raw !== "string") throw new Error("the sandbox returned no result");
  return scheduleResult.parse(JSON.parse(raw)) as ScheduleResult;
}
