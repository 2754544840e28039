// Decides whether `.next` is a production build of the sources as they are now. The stamp is
// a hash of every file that goes into the Next.js bundle, so it catches uncommitted edits and
// branch switches alike (comparing with git HEAD would miss the former, mtimes the latter).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const INPUT_DIRS = ["app", "server", "public"];
const INPUT_FILES = ["next.config.mjs", "proxy.ts", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const SKIP = /(\.test\.tsx?$|^node_modules$|^\.)/;
const STAMP = path.join(".next", "interleave-build-stamp");

function* walk(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    if (SKIP.test(name)) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else yield full;
  }
}

export function sourceHash(root) {
  const hash = createHash("sha256");
  const files = [...INPUT_DIRS.flatMap((dir) => [...walk(path.join(root, dir))])];
  for (const file of INPUT_FILES) if (existsSync(path.join(root, file))) files.push(path.join(root, file));
  for (const file of files) {
    hash.update(path.relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

/** null when the build is current, else the reason it is not. */
export function staleBuildReason(root) {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) return "no production build in .next";
  const stampFile = path.join(root, STAMP);
  if (!existsSync(stampFile)) return "the build in .next was not made by npm start";
  if (readFileSync(stampFile, "utf8").trim() !== sourceHash(root)) return "sources changed since the last build";
  return null;
}

export function writeBuildStamp(root) {
  writeFileSync(path.join(root, STAMP), `${sourceHash(root)}\n`);
}
