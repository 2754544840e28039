// Hints that follow the evidence (issue 14): a check's feedback may hold, besides one text per
// verdict, texts keyed by what the failing interleaving shows. Such a text is given only when
// its evidence is in the failure — "join() each thread before you read the result" must not
// be the advice for a race in code that joins every thread.

import type { Failure } from "../explore/explore";
import type { HintEvidence } from "../exercise/manifest";

export { HINT_EVIDENCE, type HintEvidence } from "../exercise/manifest";

/**
 * What the failing schedule shows:
 * - `unjoined`: the check's own thread (the first one) failed while a thread it had started was
 *   still running — it read a result before the workers were done. A failure inside a worker,
 *   or in the main thread after every worker ended, is not this.
 */
export function hintEvidence(failure: Pick<Failure, "trace" | "outcome" | "threads"> | undefined): Set<HintEvidence> {
  const found = new Set<HintEvidence>();
  if (!failure) return found;
  const main = failure.threads[0];
  const failedIn = failure.outcome.thread ?? failure.trace.findLast((e) => e.op === "fail")?.thread;
  if (main !== undefined && failedIn === main) {
    const alive = new Set<string>();
    for (const e of failure.trace) {
      if (e.op === "spawn" && e.target !== undefined) alive.add(e.target);
      else if (e.op === "end") alive.delete(e.thread);
      else if (e.op === "fail") break;
    }
    if (alive.size > 0) found.add("unjoined");
  }
  return found;
}
