// ESLint 9 flat config: typescript-eslint's syntax-only rules (fast, no type information)
// plus the import boundaries of DESIGN.md / STYLE.md, enforced with no-restricted-imports:
//
//   grader/     imports nothing from app/, server/, prisma/, e2e/, scripts/, nor next, react, @prisma
//   app/        reaches data only through server/: no grader/, no @prisma/*, no server/db, and
//               grading only through server/submissions/ (never server/grading/)
//   server/     only server/grading/ may import grader/ (the rest: grader/protocol/ only), and not its queue/ (the web server loads
//               the queue to enqueue: it must never load the grader)
//   exercises/  only "interleave" and their own files (they run inside the sandbox)
//   scripts/    may import grader/ and server/ (entry points: the grading worker lives here)
//
// no-restricted-imports does not merge across config objects, so each file must match exactly
// one boundary block below. Relative paths are matched by how many `../` lead out of the
// file's folder back to the project root, so grader/x/y.ts importing "../../app/z" is caught
// while "../server-stats" inside grader/ is not.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const SOURCE = "{ts,tsx,mts,cts,js,mjs,cjs}";
const MAX_DEPTH = 8;

/** A regex matching imports of top-level `folders` from a file `depth` folders below the root. */
function intoFolders(depth, folders) {
  const up = depth === 0 ? "\\./" : `(?:\\.\\./){${depth}}`;
  return `^(?:${up}|@/)(?:${folders.join("|")})(?:/|$)`;
}

/** One config object per folder depth, each forbidding `folders` (and `packages`) with `message`. */
function boundary(folder, { folders = [], packages = [], only, message }) {
  const base = folder.split("/").length;
  return Array.from({ length: MAX_DEPTH }, (_, index) => {
    const depth = base + index;
    const patterns = [];
    if (folders.length > 0) patterns.push({ regex: intoFolders(depth, folders), message });
    if (packages.length > 0) patterns.push({ group: packages, message });
    if (only) patterns.push({ regex: only, message });
    return {
      name: `boundary/${folder}/depth-${depth}`,
      files: [`${folder}/${"*/".repeat(index)}*.${SOURCE}`],
      rules: { "no-restricted-imports": ["error", { patterns }] },
    };
  });
}

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".next/",
      "data/",
      "test-results/",
      "playwright-report/",
      "next-env.d.ts",
      ".scratch*/",
      ".e2e/",
      // Programs under test for the grader, written with deliberate bugs (also outside tsconfig).
      "grader/programs/",
      "grader/**/fixtures/",
      // Generated from grader/library by `npm run gen:types`.
      "public/interleave.d.ts",
    ],
  },
  {
    files: [`**/*.${SOURCE}`],
    ignores: ["exercises/**"],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-undef": "off", // TypeScript checks this, and knows the Node and DOM globals
    },
  },
  // Exercises run inside the grader's sandbox: parse them as TypeScript, check only imports.
  {
    files: [`exercises/**/*.${SOURCE}`],
    languageOptions: { parser: tseslint.parser },
  },

  ...boundary("grader", {
    folders: ["app", "server", "prisma", "e2e", "scripts"],
    packages: ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*", "@prisma/*", "prisma", "prisma/*"],
    message:
      "grader/ is a library with no web app and no database: it must not import the app, server/, prisma or Next.js.",
  }),
  ...boundary("app", {
    folders: ["grader", "prisma", "server/db", "server/db\\.ts", "server/grading"],
    packages: ["@prisma/*", "better-sqlite3", "isolated-vm"],
    message:
      "app/ holds pages and UI only: reach data through a server/ function (never the db module or @prisma), and grading through server/submissions/ (never grader/ or server/grading/).",
  }),
  // grader/protocol/ (the report's schema: zod and data, no grader code) is the one exception.
  ...boundary("server", {
    folders: ["grader(?!/protocol/)", "app"],
    message:
      "Only server/grading/ may import grader/ (the grading boundary), except the report's schema in grader/protocol/; server/ never imports app/.",
  }),
  ...boundary("server/grading", {
    folders: ["app"],
    message: "server/ never imports app/.",
  }),
  // The queue is loaded by the web server (server/submissions enqueues): no grader/ in it.
  ...boundary("server/grading/queue", {
    folders: ["grader", "app"],
    message:
      "server/grading/queue/ runs in the web server too: it must not import grader/ (only the worker side of server/grading/ does).",
  }),
  ...boundary("prisma", {
    folders: ["grader", "app"],
    message: "The seed works through server/, never grader/ or app/.",
  }),
  ...boundary("e2e", {
    folders: ["grader", "app", "server", "prisma"],
    packages: ["@prisma/*"],
    message: "End-to-end tests drive the browser only: no imports from the app's code.",
  }),
  ...boundary("exercises", {
    folders: ["app", "server", "prisma", "grader", "e2e", "scripts", "node_modules"],
    only: "^(?!interleave$|interleave/harness$|\\./|\\.\\./)",
    message:
      'Exercise code runs in the sandbox: import only from "interleave" (harnesses also "interleave/harness") and the exercise\'s own files.',
  }),
);
