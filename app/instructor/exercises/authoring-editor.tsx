"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition, type ReactNode } from "react";
import type { AuthoringView } from "@/server/authoring/get-authoring-view";
import type { ManifestForm } from "@/server/authoring/manifest-form";
import type { FieldErrors } from "@/server/errors";
import { Markdown } from "../../_components/markdown";
import { authoringViewAction, publishExerciseAction, requestValidationAction, saveExerciseAction } from "./actions";
import styles from "./authoring.module.css";
import { ValidationPanel } from "./validation-panel";

const FileEditor = dynamic(() => import("./file-editor"), {
  ssr: false,
  loading: () => <div className="editor-frame editor-loading" aria-busy="true" />,
});

const POLL_MS = 1_500;
const DIFFICULTIES = ["intro", "easy", "medium", "hard"];

type Props = {
  initialForm: ManifestForm;
  initialFiles: Record<string, string>;
  /** The saved exercise (edit page), or null for a new one. */
  view: AuthoringView | null;
};

/**
 * The authoring page: the manifest as a form, the statement with its preview, the sources in
 * Monaco tabs; Save (a draft, or a new version over a published one), Validate (in the grading
 * worker) and Publish (a valid version only).
 */
export function AuthoringEditor({ initialForm, initialFiles, view: initialView }: Props) {
  const router = useRouter();
  const [form, setForm] = useState(initialForm);
  const [files, setFiles] = useState(initialFiles);
  const [view, setView] = useState(initialView);
  const [dirty, setDirty] = useState(false);
  const [active, setActive] = useState("harness.ts");
  const [newFile, setNewFile] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const exerciseId = view?.exerciseId ?? null;
  const validating = view?.validation.status === "queued" || view?.validation.status === "running";

  // While the worker validates, ask for the state now and then.
  useEffect(() => {
    if (!validating || exerciseId === null) return;
    const timer = setTimeout(async () => {
      const next = await authoringViewAction(exerciseId);
      if (next.ok) setView(next.value);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [validating, exerciseId, view]);

  const setField = (name: keyof ManifestForm, value: string) => {
    setForm((f) => ({ ...f, [name]: value }));
    setDirty(true);
  };
  const setFile = (name: string, value: string) => {
    setFiles((f) => ({ ...f, [name]: value }));
    setDirty(true);
  };

  /** Save; true when it worked. A new exercise then moves to its edit page. */
  async function save(): Promise<boolean> {
    const result = await saveExerciseAction({ exerciseId: exerciseId ?? undefined, form, files });
    if (!result.ok) {
      setErrors(result.fieldErrors);
      setMessage(result.message);
      return false;
    }
    setErrors({});
    setDirty(false);
    const { version, newVersion } = result.value;
    setMessage(
      newVersion && exerciseId !== null
        ? `Saved as version ${version} (a new version).`
        : `Saved (version ${version}).`,
    );
    if (exerciseId === null) {
      router.push(`/instructor/exercises/${encodeURIComponent(result.value.exerciseId)}/edit`);
      return true;
    }
    const next = await authoringViewAction(exerciseId);
    if (next.ok) setView(next.value);
    return true;
  }

  const onSave = () => startTransition(async () => void (await save()));

  const onValidate = () =>
    startTransition(async () => {
      if (exerciseId === null || (dirty && !(await save()))) return;
      const result = await requestValidationAction(exerciseId);
      if (!result.ok) return setMessage(result.message);
      setMessage(`Validation of version ${result.value.version} requested.`);
      const next = await authoringViewAction(exerciseId);
      if (next.ok) setView(next.value);
    });

  const onPublish = () =>
    startTransition(async () => {
      if (exerciseId === null) return;
      const result = await publishExerciseAction(exerciseId);
      setMessage(result.ok ? `Version ${result.value.version} is published: students see it now.` : result.message);
      const next = await authoringViewAction(exerciseId);
      if (next.ok) setView(next.value);
    });

  const addFile = () => {
    const name = newFile.trim();
    if (!/^(mutants|fakes|alternates)\/[\w-][\w.-]*\.ts$/.test(name) || name in files) {
      setMessage("A new file is mutants/<name>.ts, fakes/<name>.ts or alternates/<name>.ts, not already there.");
      return;
    }
    setFile(
      name,
      name.startsWith("fakes/")
        ? "// Fake: <the dodge, in a sentence>\n"
        : name.startsWith("alternates/")
          ? `// Alternate: <how it differs from the reference, in a sentence>\n${files["reference.ts"] ?? ""}`
          : (files["reference.ts"] ?? ""),
    );
    setActive(name);
    setNewFile("");
  };

  const removeFile = (name: string) => {
    setFiles(({ [name]: _removed, ...rest }) => rest);
    setDirty(true);
    setActive("harness.ts");
  };

  const fieldError = (name: string): ReactNode => {
    const messages = Object.entries(errors)
      .filter(([key]) => key === `manifest.${name}` || key.startsWith(`manifest.${name}.`))
      .map(
        ([key, list]) => `${key === `manifest.${name}` ? "" : `${key.slice("manifest.".length)}: `}${list?.join("; ")}`,
      );
    return messages.length > 0 ? (
      <p id={`${name}-error`} className="field-error" role="alert">
        {messages.join(" · ")}
      </p>
    ) : null;
  };

  const input = (
    name: keyof ManifestForm,
    label: string,
    extra: { type?: string; readOnly?: boolean; hint?: string } = {},
  ) => (
    <div className="field">
      <label htmlFor={`m-${name}`}>{label}</label>
      <input
        id={`m-${name}`}
        name={name}
        type={extra.type ?? "text"}
        value={form[name]}
        readOnly={extra.readOnly}
        aria-invalid={errors[`manifest.${name}`] ? true : undefined}
        aria-describedby={errors[`manifest.${name}`] ? `${name}-error` : undefined}
        onChange={(e) => setField(name, e.target.value)}
      />
      {extra.hint ? <p className="field-hint">{extra.hint}</p> : null}
      {fieldError(name)}
    </div>
  );

  const json = (name: keyof ManifestForm, label: string, hint: string) => (
    <div className={`field ${styles.wide}`}>
      <label htmlFor={`m-${name}`}>{label}</label>
      <textarea
        id={`m-${name}`}
        className={styles.json}
        value={form[name]}
        onChange={(e) => setField(name, e.target.value)}
      />
      <p className="field-hint">{hint}</p>
      {fieldError(name)}
    </div>
  );

  const sources = Object.keys(files).filter((name) => name !== "statement.md");
  const fileErrors = Object.entries(errors).filter(([key]) => key.startsWith("files."));

  return (
    <div className="form">
      <fieldset>
        <legend>Manifest (exercise.json)</legend>
        <div className={styles.grid}>
          {input("id", "Stable id", { readOnly: exerciseId !== null, hint: "Never changes: submissions refer to it." })}
          {input("slug", "Slug (the URL)")}
          {input("title", "Title")}
          {input("chapter", "Chapter (1–19)", { type: "number" })}
          <div className="field">
            <label htmlFor="m-difficulty">Difficulty</label>
            <select id="m-difficulty" value={form.difficulty} onChange={(e) => setField("difficulty", e.target.value)}>
              {DIFFICULTIES.map((d) => (
                <option key={d}>{d}</option>
              ))}
            </select>
            {fieldError("difficulty")}
          </div>
          {input("points", "Points (the sum of the checks')", { type: "number" })}
          {input("tags", "Tags (comma-separated)")}
          <div className={`field ${styles.wide}`}>
            <label htmlFor="m-summary">Summary</label>
            <input id="m-summary" value={form.summary} onChange={(e) => setField("summary", e.target.value)} />
            {fieldError("summary")}
          </div>
          <div className={`field ${styles.wide}`}>
            <label htmlFor="m-hints">Hints (one a line)</label>
            <textarea id="m-hints" value={form.hints} onChange={(e) => setField("hints", e.target.value)} />
            {fieldError("hints")}
          </div>
          {json(
            "checks",
            "Checks (JSON)",
            "Each: id, title, export (the harness function), points, hidden?, feedback?, kind?",
          )}
          {json("mutants", "Mutants (JSON)", "Each: file (mutants/….ts), verdict it must get, bug.")}
          {json("schedules", "Schedules (JSON, optional)", "strategy, runs, seed, maxSteps, timeBudgetMs")}
          {json("runtime", "Runtime (JSON, optional)", "cores, gil")}
        </div>
      </fieldset>

      <fieldset>
        <legend>Statement (statement.md)</legend>
        <div className={styles.statement}>
          <div className="field">
            <label htmlFor="statement-source">Markdown</label>
            <textarea
              id="statement-source"
              value={files["statement.md"] ?? ""}
              onChange={(e) => setFile("statement.md", e.target.value)}
            />
            {errors["files.statement.md"] ? (
              <p className="field-error">{errors["files.statement.md"]?.join("; ")}</p>
            ) : null}
          </div>
          <div>
            <p className="muted small">Preview (as students see it)</p>
            <div className={styles.preview} data-testid="statement-preview">
              <Markdown source={files["statement.md"] ?? ""} />
            </div>
          </div>
        </div>
      </fieldset>

      <fieldset>
        <legend>Sources</legend>
        <div className={styles.tabs} role="tablist" aria-label="Files">
          {sources.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={active === name}
              className={`${styles.tab} ${errors[`files.${name}`] ? styles.tabError : ""}`}
              onClick={() => setActive(name)}
            >
              {name}
            </button>
          ))}
        </div>
        <div role="tabpanel" aria-label={active}>
          {active in files ? (
            <FileEditor
              key="editor"
              name={active}
              value={files[active] ?? ""}
              onChange={(value) => setFile(active, value)}
              solutionSource={files["reference.ts"] ?? ""}
            />
          ) : null}
        </div>
        <div className={styles.actions}>
          <label htmlFor="new-file" className="small">
            New file
          </label>
          <input
            id="new-file"
            placeholder="mutants/off-by-one.ts"
            value={newFile}
            onChange={(e) => setNewFile(e.target.value)}
          />
          <button type="button" className="button small" onClick={addFile}>
            Add
          </button>
          {/^(mutants|fakes)\//.test(active) ? (
            <button type="button" className="link-button small" onClick={() => removeFile(active)}>
              Remove {active}
            </button>
          ) : null}
        </div>
        {fileErrors.length > 0 ? (
          <ul className="diagnostics">
            {fileErrors.map(([key, list]) => (
              <li key={key} className="field-error">
                {key.slice("files.".length)}: {list?.join("; ")}
              </li>
            ))}
          </ul>
        ) : null}
      </fieldset>

      <div className={styles.actions}>
        <button type="button" className="button" onClick={onSave} disabled={pending}>
          Save
        </button>
        <button
          type="button"
          className="button"
          onClick={onValidate}
          disabled={pending || exerciseId === null || validating}
        >
          Validate
        </button>
        <button type="button" className="button" onClick={onPublish} disabled={pending || dirty || !view?.publishable}>
          Publish
        </button>
        <span role="status" className="muted" data-testid="authoring-message">
          {dirty ? "Unsaved changes. " : ""}
          {message}
        </span>
      </div>

      {view ? (
        <>
          <h2>Validation of version {view.version}</h2>
          <ValidationPanel validation={view.validation} saved={!dirty} />
          <h2>Versions</h2>
          <ul data-testid="versions">
            {view.versions.map((v) => (
              <li key={v.version}>
                v{v.version}: {v.publishedAt ? `published ${new Date(v.publishedAt).toLocaleString()}` : "draft"} ·{" "}
                <a
                  href={`/instructor/exercises/${encodeURIComponent(view.exerciseId)}/export?version=${v.version}`}
                  download
                >
                  export ZIP
                </a>
              </li>
            ))}
          </ul>
          {view.publishedVersion !== null ? (
            <p>
              Students see version {view.publishedVersion} at{" "}
              <a href={`/exercises/${view.slug}`}>/exercises/{view.slug}</a>.
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
