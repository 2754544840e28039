import type { ValidationState } from "@/server/authoring/get-authoring-view";
import styles from "./authoring.module.css";

/** The validation of the newest version, as `interleave validate` reports it: per mutant and fake, and the starter. */
export function ValidationPanel({ validation, saved }: { validation: ValidationState; saved: boolean }) {
  if (validation.status === "none") {
    return (
      <p className="muted" data-testid="validation-status">
        {saved ? "Not validated yet: press Validate." : "Save, then Validate."}
      </p>
    );
  }
  if (validation.status !== "done" && validation.status !== "failed") {
    return (
      <p className="pending" data-testid="validation-status" aria-busy="true">
        <span className="spinner" aria-hidden="true" /> Validation{" "}
        {validation.status === "queued" ? "waiting for the grading worker" : "running"}…
      </p>
    );
  }
  if (validation.status === "failed") {
    return (
      <p className="form-error" role="alert" data-testid="validation-status">
        The validation could not run: {validation.error}
      </p>
    );
  }
  const { report } = validation;
  return (
    <div data-testid="validation-report">
      <p data-testid="validation-status" className={report.valid ? styles.caught : styles.missed}>
        {report.valid ? "Valid: this version can be published." : "Not valid: this version cannot be published."}
      </p>
      <ul>
        <li>
          reference.ts: <strong>{report.reference}</strong>
        </li>
        <li data-testid="starter-score">
          Unchanged starter: {report.starter.score}/{report.starter.maxScore} ({report.starter.verdict}){" "}
          {report.starter.ok ? "— earns at most 30%" : "— earns too much"}
        </li>
      </ul>
      <div className="table-scroll">
        <table className="data-table" data-testid="mutant-results">
          <caption className="visually-hidden">Mutants</caption>
          <thead>
            <tr>
              <th>Mutant</th>
              <th>Bug</th>
              <th>Expected</th>
              <th>Got</th>
              <th>Caught</th>
            </tr>
          </thead>
          <tbody>
            {report.mutantResults.map((m) => (
              <tr key={m.file} data-file={m.file}>
                <td>
                  <code>{m.file}</code>
                </td>
                <td>{m.bug}</td>
                <td>{m.expected}</td>
                <td>{m.got}</td>
                <td className={m.caught ? styles.caught : styles.missed}>{m.caught ? "caught" : "missed"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.fakes.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table" data-testid="fake-results">
            <caption className="visually-hidden">Fakes</caption>
            <thead>
              <tr>
                <th>Fake</th>
                <th>Dodge</th>
                <th>Score</th>
                <th>Verdict</th>
                <th>Rejected</th>
              </tr>
            </thead>
            <tbody>
              {report.fakes.map((f) => (
                <tr key={f.file}>
                  <td>
                    <code>{f.file}</code>
                  </td>
                  <td>{f.dodge || "—"}</td>
                  <td>
                    {f.score}/{f.maxScore}
                  </td>
                  <td>{f.verdict}</td>
                  <td className={f.rejected ? styles.caught : styles.missed}>
                    {f.rejected ? "rejected" : "scores too much"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted small">No fakes (fakes/*.ts, each headed by “// Fake: the dodge”).</p>
      )}
      {report.alternates.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table" data-testid="alternate-results">
            <caption className="visually-hidden">Alternates</caption>
            <thead>
              <tr>
                <th>Alternate</th>
                <th>How it differs</th>
                <th>Score</th>
                <th>Verdict</th>
                <th>Passes</th>
              </tr>
            </thead>
            <tbody>
              {report.alternates.map((a) => (
                <tr key={a.file}>
                  <td>
                    <code>{a.file}</code>
                  </td>
                  <td>{a.approach || "—"}</td>
                  <td>
                    {a.score}/{a.maxScore}
                  </td>
                  <td>{a.verdict}</td>
                  <td className={a.passed ? styles.caught : styles.missed}>{a.passed ? "passes" : "false alarm"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted small">
          No alternates (alternates/*.ts, other correct solutions headed by “// Alternate: how it differs”): they prove
          the checks do not fail a correct solution written another way.
        </p>
      )}
      {report.problems.length > 0 ? (
        <ul className="diagnostics" data-testid="validation-problems">
          {report.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
