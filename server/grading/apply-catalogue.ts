import { getDb, type Db } from "../db";
import type { CatalogueEntry } from "./catalogue-entry";

export type ApplyCatalogueOptions = {
  /**
   * Archive exercises missing from the catalogue. Off when the loader reported problems: a
   * manifest with a typo must not hide its exercise (and the students' work on it).
   */
  archiveMissing: boolean;
  db?: Db;
};

export type CatalogueChanges = {
  created: string[];
  updated: string[];
  unchanged: string[];
  archived: string[];
  /**
   * Entries skipped because a browser-authored exercise holds their id or slug: the files never
   * overwrite an exercise authored in the browser (rename one of the two).
   */
  conflicts: string[];
};

type ExerciseFields = {
  slug: string;
  title: string;
  chapter: number;
  difficulty: string;
  points: number;
  tags: string;
  summary: string;
  statementMd: string;
  starterCode: string;
  archived: boolean;
};

/**
 * Make the Exercise table mirror the catalogue on disk, keyed by the manifest's stable id.
 * Idempotent: a second run with the same catalogue changes nothing. Exercises that left the
 * disk are archived, never deleted, because submissions reference them. Exercises authored in
 * the browser (source "browser") live beside them: never archived, renamed or overwritten here.
 */
export async function applyCatalogue(
  entries: readonly CatalogueEntry[],
  { archiveMissing, db = getDb() }: ApplyCatalogueOptions,
): Promise<CatalogueChanges> {
  const changes: CatalogueChanges = { created: [], updated: [], unchanged: [], archived: [], conflicts: [] };
  const incoming = new Map(entries.map((entry) => [entry.manifest.id, toFields(entry)]));

  await db.$transaction(async (tx) => {
    const rows = await tx.exercise.findMany();
    const browserSlugs = new Set(rows.filter((row) => row.source === "browser").map((row) => row.slug));
    for (const [id, fields] of incoming) {
      const row = rows.find((r) => r.id === id);
      if (row?.source === "browser" || (browserSlugs.has(fields.slug) && row?.slug !== fields.slug)) {
        incoming.delete(id);
        changes.conflicts.push(id);
      }
    }
    const existing = new Map(rows.filter((row) => row.source !== "browser").map((row) => [row.id, row]));

    // Slugs move between ids (a renamed exercise, an archived one whose slug is reused).
    // Park every row whose slug another id now claims, so the unique index never trips.
    const claimedSlugs = new Map([...incoming].map(([id, fields]) => [fields.slug, id]));
    for (const row of existing.values()) {
      const claimant = claimedSlugs.get(row.slug);
      if (claimant !== undefined && claimant !== row.id) {
        await tx.exercise.update({ where: { id: row.id }, data: { slug: `${row.slug}--${row.id}` } });
        row.slug = `${row.slug}--${row.id}`;
      }
    }

    for (const [id, fields] of incoming) {
      const row = existing.get(id);
      if (!row) {
        await tx.exercise.create({ data: { id, ...fields } });
        changes.created.push(id);
      } else if (differs(row, fields)) {
        await tx.exercise.update({ where: { id }, data: fields });
        changes.updated.push(id);
      } else {
        changes.unchanged.push(id);
      }
    }

    if (archiveMissing) {
      for (const row of existing.values()) {
        if (!incoming.has(row.id) && !row.archived) {
          await tx.exercise.update({ where: { id: row.id }, data: { archived: true } });
          changes.archived.push(row.id);
        }
      }
    }
  });
  return changes;
}

function toFields({ manifest, statement, starter }: CatalogueEntry): ExerciseFields {
  return {
    slug: manifest.slug,
    title: manifest.title,
    chapter: manifest.chapter,
    difficulty: manifest.difficulty,
    points: manifest.points,
    tags: JSON.stringify(manifest.tags),
    summary: manifest.summary,
    statementMd: statement,
    starterCode: starter,
    archived: false,
  };
}

function differs(row: ExerciseFields, fields: ExerciseFields): boolean {
  return (Object.keys(fields) as (keyof ExerciseFields)[]).some((key) => row[key] !== fields[key]);
}
