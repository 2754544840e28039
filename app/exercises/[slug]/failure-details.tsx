import type { FailureView } from "@/server/submissions/submission-view";

// What went wrong in the first failing visible check, beyond its message (shown in the check
// list): where, how many preemptions the bug needs, and the detector's evidence (race accesses,
// wait-for cycle, lock order, starving threads). The timeline below it shows the interleaving.

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const at = (line: number | null) => (line === null ? "" : ` at line ${line}`);

function preemptionSentence(failure: FailureView): string {
  switch (failure.traceKind) {
    case "deadlock-fuzzer":
      return `The deadlock really happens: a directed schedule (DeadlockFuzzer) made it happen${
        failure.deadlockConfirmation ? ` after ${plural(failure.deadlockConfirmation.attempts, "attempt")}` : ""
      }. The timeline shows that schedule.`;
    case "shrunk":
      return failure.preemptions === 0
        ? "The bug needs no preemption at all: it shows even when no thread is interrupted."
        : `The bug needs ${plural(failure.preemptions ?? 0, "preemption")}: the schedule the grader found had ${
            failure.foundPreemptions
          }, and the timeline shows it shrunk to the fewest.`;
    case "lost-update":
      return `The timeline shows a schedule where the race loses an update (${plural(
        failure.preemptions ?? 0,
        "preemption",
      )}; run with the race detector off, so that both writes happen and your program's own result is wrong).`;
    case "found":
      return failure.preemptions === 0
        ? "The bug needs no preemption: it shows on the plain, un-stressed schedule."
        : `The bug needs ${plural(failure.preemptions ?? 0, "preemption")} in the schedule shown.`;
  }
}

export function FailureDetails({ failure }: { failure: FailureView }) {
  return (
    <section className="failure" aria-labelledby="failure-heading">
      <h3 id="failure-heading">What went wrong in “{failure.checkTitle}”</h3>
      <p className="muted small">
        {failure.file === "solution.ts" && failure.line !== null
          ? `It failed at line ${failure.line} of your code. `
          : failure.file
            ? "It was noticed by the exercise's checks. "
            : null}
        {preemptionSentence(failure)} Found on schedule {failure.schedule + 1} ({failure.strategy}, seed {failure.seed})
        {failure.failingShare
          ? `; ${failure.failingShare.failed} of ${failure.failingShare.explored} sampled schedules fail this way`
          : null}
        .
      </p>

      {failure.race ? (
        <div className="evidence">
          <h4>The two accesses that race on “{failure.race.target}”</h4>
          <ul>
            {failure.race.accesses.map((access) => (
              <li key={`${access.thread}-${access.step}`}>
                {access.thread} {access.op === "write" ? "writes" : "reads"} {failure.race!.target}
                {at(access.line)} (step {access.step})
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {failure.lostUpdate ? <LostUpdateNote failure={failure} lost={failure.lostUpdate} /> : null}

      {failure.cycle.length > 0 || failure.waits.length > 0 ? (
        <div className="evidence">
          <h4>Who waits for whom</h4>
          {failure.cycle.length > 0 ? <p>Wait-for cycle: {[...failure.cycle, failure.cycle[0]].join(" → ")}</p> : null}
          <ul>
            {failure.waits.map((wait) => (
              <li key={`${wait.thread}-${wait.target}`}>
                {wait.thread} waits in {wait.op}({wait.target}){at(wait.line)}
                {wait.holder ? `, held by ${wait.holder}` : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {failure.lockOrder.length > 0 ? (
        <div className="evidence">
          <h4>Locks taken in a cycle</h4>
          <ul>
            {failure.lockOrder.map((edge) => (
              <li key={`${edge.thread}-${edge.held}-${edge.acquired}`}>
                {edge.thread} takes {edge.acquired}
                {at(edge.acquiredLine)} while holding {edge.held}
                {at(edge.heldLine)}
              </li>
            ))}
          </ul>
          {failure.deadlockConfirmation && !failure.deadlockConfirmation.happened ? (
            <p className="muted small">
              A directed schedule did not make this deadlock happen within{" "}
              {plural(failure.deadlockConfirmation.attempts, "attempt")}; the lock order is still a bug.
            </p>
          ) : null}
        </div>
      ) : null}

      {failure.liveness && failure.liveness.starved.length > 0 ? (
        <div className="evidence">
          <h4>{failure.liveness.verdict === "starvation" ? "Threads that make no progress" : "Still working"}</h4>
          <p>
            {failure.liveness.starved.join(", ")}
            {failure.liveness.lines.length > 0
              ? ` keep going round line${failure.liveness.lines.length === 1 ? "" : "s"} ${failure.liveness.lines.join(", ")}.`
              : "."}
          </p>
        </div>
      ) : null}
    </section>
  );
}

/** The race as it does harm: read, read, write, write, and whose write was lost. */
function LostUpdateNote({ failure, lost }: { failure: FailureView; lost: NonNullable<FailureView["lostUpdate"]> }) {
  const [r1, r2, w1, w2] = lost.events.map((i) => failure.trace[i]);
  if (!r1 || !r2 || !w1 || !w2) return null;
  return (
    <div className="evidence lost-update" data-testid="lost-update">
      <h4>The lost update</h4>
      <p>
        {r1.thread} reads {lost.target} = {lost.read ?? "?"}, then {r2.thread} reads the same {lost.read ?? "value"}{" "}
        before {r1.thread} writes. {r1.thread} writes {w1.value ?? "?"}, and {r2.thread} writes {w2.value ?? "?"} over
        it: {r1.thread}&apos;s update is lost. Then: {lost.message}
      </p>
      <p className="muted small">
        The four steps are marked in the timeline. Replay this very schedule with{" "}
        <code>--schedule {lost.decisions.join(",")} --no-detectors</code>.
      </p>
    </div>
  );
}
