// A small Markdown reader for exercise statements. It produces a tree, never HTML: the React
// renderer (app/_components/markdown.tsx) turns the tree into elements, so raw HTML in a
// statement shows up as text and cannot inject markup or scripts. Covered: ATX and setext
// headings, paragraphs, fenced code, block quotes, nested lists, GFM pipe tables, rules;
// inline code, strong, emphasis, links and autolinks, hard breaks, backslash escapes.

export type Inline =
  | { type: "text"; text: string }
  | { type: "code"; text: string }
  | { type: "strong"; children: Inline[] }
  | { type: "em"; children: Inline[] }
  | { type: "link"; href: string; children: Inline[] }
  | { type: "break" };

export type Align = "left" | "center" | "right" | null;

export type Block =
  | { type: "heading"; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: "paragraph"; children: Inline[] }
  | { type: "code"; lang: string | null; text: string }
  | { type: "blockquote"; children: Block[] }
  | { type: "list"; ordered: boolean; start: number; items: Block[][] }
  | { type: "table"; align: Align[]; header: Inline[][]; rows: Inline[][][] }
  | { type: "rule" };

const FENCE = /^( {0,3})(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?/;
const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])(?:([ \t]+)(.*)|$)/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** Drop a leading `# Title` that repeats the page's own heading. */
export function withoutLeadingTitle(source: string, title: string): string {
  const match = /^\s*#[ \t]+(.+?)[ \t#]*(?:\r?\n|$)/.exec(source);
  return match && match[1]?.trim().toLowerCase() === title.trim().toLowerCase()
    ? source.slice(match[0].length)
    : source;
}

export function parseMarkdown(source: string): Block[] {
  return parseBlocks(source.replace(/\r\n?/g, "\n").replace(/\t/g, "    ").split("\n"));
}

function isBlank(line: string): boolean {
  return line.trim() === "";
}

function startsBlock(line: string): boolean {
  return FENCE.test(line) || ATX_HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || LIST_ITEM.test(line);
}

function parseBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    if (isBlank(line)) {
      i++;
      continue;
    }

    const fence = FENCE.exec(line);
    if (fence) {
      const [, indent = "", marker = "", lang = ""] = fence;
      const body: string[] = [];
      i++;
      while (i < lines.length) {
        const current = lines[i] ?? "";
        const trimmed = current.trim();
        if (trimmed.startsWith(marker) && /^([`~])\1*$/.test(trimmed) && trimmed[0] === marker[0]) break;
        body.push(stripIndent(current, indent.length));
        i++;
      }
      i++; // the closing fence (or the end of the document)
      blocks.push({ type: "code", lang: lang || null, text: body.join("\n") });
      continue;
    }

    const heading = ATX_HEADING.exec(line);
    if (heading) {
      const level = (heading[1] ?? "#").length as 1 | 2 | 3 | 4 | 5 | 6;
      blocks.push({ type: "heading", level, children: parseInline(heading[2] ?? "") });
      i++;
      continue;
    }

    if (RULE.test(line)) {
      blocks.push({ type: "rule" });
      i++;
      continue;
    }

    if (QUOTE.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i] ?? "")) {
        quoted.push((lines[i] ?? "").replace(QUOTE, ""));
        i++;
      }
      blocks.push({ type: "blockquote", children: parseBlocks(quoted) });
      continue;
    }

    if (LIST_ITEM.test(line)) {
      i = parseList(lines, i, blocks);
      continue;
    }

    const next = lines[i + 1];
    if (line.includes("|") && next !== undefined && TABLE_DELIMITER.test(next) && next.includes("-")) {
      i = parseTable(lines, i, blocks);
      continue;
    }

    // A paragraph runs until a blank line or the start of another block.
    const paragraph: string[] = [line.trim()];
    i++;
    let setextLevel: 1 | 2 | null = null;
    while (i < lines.length) {
      const current = lines[i] ?? "";
      const setext = SETEXT.exec(current);
      if (setext) {
        setextLevel = (setext[1] ?? "=").startsWith("=") ? 1 : 2;
        i++;
        break;
      }
      if (isBlank(current) || startsBlock(current)) break;
      paragraph.push(current.trim());
      i++;
    }
    const children = parseInline(paragraph.join("\n"));
    blocks.push(setextLevel ? { type: "heading", level: setextLevel, children } : { type: "paragraph", children });
  }
  return blocks;
}

function stripIndent(line: string, width: number): string {
  let n = 0;
  while (n < width && line[n] === " ") n++;
  return line.slice(n);
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function parseList(lines: string[], start: number, blocks: Block[]): number {
  const first = LIST_ITEM.exec(lines[start] ?? "");
  const firstMarker = first?.[2] ?? "-";
  const ordered = /\d/.test(firstMarker);
  const delimiter = firstMarker.slice(-1);
  const items: Block[][] = [];
  let i = start;
  while (i < lines.length) {
    const match = LIST_ITEM.exec(lines[i] ?? "");
    if (!match) break;
    const [, indent = "", marker = "", gap = " ", rest = ""] = match;
    if (/\d/.test(marker) !== ordered || marker.slice(-1) !== delimiter) break;
    const contentIndent = indent.length + marker.length + Math.min(gap.length || 1, 4);
    const itemLines = [rest];
    i++;
    while (i < lines.length) {
      const current = lines[i] ?? "";
      if (isBlank(current)) {
        // A blank line continues the item only if the next line is indented into it.
        const after = lines[i + 1];
        if (after !== undefined && !isBlank(after) && indentOf(after) >= contentIndent) {
          itemLines.push("");
          i++;
          continue;
        }
        break;
      }
      if (indentOf(current) >= contentIndent) {
        itemLines.push(stripIndent(current, contentIndent));
      } else if (!startsBlock(current) && !LIST_ITEM.test(current)) {
        itemLines.push(current.trim()); // a lazy continuation of the item's paragraph
      } else {
        break;
      }
      i++;
    }
    items.push(parseBlocks(itemLines));
    // Blank lines between items keep the list going.
    let j = i;
    while (j < lines.length && isBlank(lines[j] ?? "")) j++;
    const nextItem = LIST_ITEM.exec(lines[j] ?? "");
    if (j > i && nextItem && /\d/.test(nextItem[2] ?? "") === ordered) i = j;
  }
  blocks.push({ type: "list", ordered, start: ordered ? Number.parseInt(firstMarker, 10) : 1, items });
  return i;
}

function splitRow(line: string): string[] {
  let row = line.trim();
  if (row.startsWith("|")) row = row.slice(1);
  if (row.endsWith("|") && !row.endsWith("\\|")) row = row.slice(0, -1);
  const cells: string[] = [];
  let cell = "";
  let inCode = false;
  for (let k = 0; k < row.length; k++) {
    const ch = row[k];
    if (ch === "\\" && row[k + 1] === "|") {
      cell += "|";
      k++;
    } else if (ch === "`") {
      inCode = !inCode;
      cell += ch;
    } else if (ch === "|" && !inCode) {
      cells.push(cell.trim());
      cell = "";
    } else {
      cell += ch;
    }
  }
  cells.push(cell.trim());
  return cells;
}

function parseTable(lines: string[], start: number, blocks: Block[]): number {
  const headerCells = splitRow(lines[start] ?? "");
  const align: Align[] = splitRow(lines[start + 1] ?? "").map((cell) => {
    const left = cell.startsWith(":");
    const right = cell.endsWith(":");
    return left && right ? "center" : right ? "right" : left ? "left" : null;
  });
  const width = headerCells.length;
  const rows: Inline[][][] = [];
  let i = start + 2;
  while (i < lines.length && !isBlank(lines[i] ?? "") && (lines[i] ?? "").includes("|")) {
    const cells = splitRow(lines[i] ?? "");
    rows.push(Array.from({ length: width }, (_, k) => parseInline(cells[k] ?? "")));
    i++;
  }
  blocks.push({
    type: "table",
    align: Array.from({ length: width }, (_, k) => align[k] ?? null),
    header: headerCells.map((cell) => parseInline(cell)),
    rows,
  });
  return i;
}

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!|<>~"']/;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buffer = "";
  const flush = () => {
    if (buffer) out.push({ type: "text", text: buffer });
    buffer = "";
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? "";

    if (ch === "\\" && text[i + 1] === "\n") {
      flush();
      out.push({ type: "break" });
      i += 2;
      continue;
    }
    if (ch === "\\" && ESCAPABLE.test(text[i + 1] ?? "")) {
      buffer += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === " " && text.startsWith("  \n", i)) {
      flush();
      out.push({ type: "break" });
      i += 3;
      while (text[i] === " ") i++;
      continue;
    }

    if (ch === "`") {
      let run = 0;
      while (text[i + run] === "`") run++;
      const fence = "`".repeat(run);
      const close = findCodeClose(text, i + run, fence);
      if (close !== -1) {
        flush();
        let code = text.slice(i + run, close).replace(/\n/g, " ");
        if (code.length > 2 && code.startsWith(" ") && code.endsWith(" ")) code = code.slice(1, -1);
        out.push({ type: "code", text: code });
        i = close + run;
        continue;
      }
      buffer += fence;
      i += run;
      continue;
    }

    if ((ch === "*" || ch === "_") && text[i + 1] === ch) {
      const delimiter = ch + ch;
      const close = findEmphasisClose(text, i + 2, delimiter);
      if (close !== -1 && canOpen(text, i, 2) && text.slice(i + 2, close).trim()) {
        flush();
        out.push({ type: "strong", children: parseInline(text.slice(i + 2, close)) });
        i = close + 2;
        continue;
      }
    } else if (ch === "*" || ch === "_") {
      const close = findEmphasisClose(text, i + 1, ch);
      if (close !== -1 && canOpen(text, i, 1) && text.slice(i + 1, close).trim()) {
        flush();
        out.push({ type: "em", children: parseInline(text.slice(i + 1, close)) });
        i = close + 1;
        continue;
      }
    }

    if (ch === "[") {
      const link = readLink(text, i);
      if (link) {
        flush();
        out.push(...link.nodes);
        i = link.end;
        continue;
      }
    }

    if (ch === "<") {
      const auto = /^<((?:https?:\/\/|mailto:)[^\s<>]+)>/.exec(text.slice(i));
      if (auto?.[1]) {
        flush();
        out.push({ type: "link", href: auto[1], children: [{ type: "text", text: auto[1] }] });
        i += auto[0].length;
        continue;
      }
    }

    buffer += ch;
    i++;
  }
  flush();
  return out;
}

function findCodeClose(text: string, from: number, fence: string): number {
  let at = text.indexOf(fence, from);
  while (at !== -1) {
    // The closing run must be exactly as long as the opening one.
    if (text[at + fence.length] !== "`" && text[at - 1] !== "`") return at;
    let end = at;
    while (text[end] === "`") end++;
    at = text.indexOf(fence, end);
  }
  return -1;
}

const WORD = /[\p{L}\p{N}]/u;

/** `_` only emphasizes at word boundaries, so snake_case_names stay as they are. */
function canOpen(text: string, at: number, width: number): boolean {
  const after = text[at + width] ?? "";
  if (after === "" || /\s/.test(after)) return false;
  if (text[at] === "_" && WORD.test(text[at - 1] ?? "")) return false;
  return true;
}

function findEmphasisClose(text: string, from: number, delimiter: string): number {
  let at = from;
  while (at < text.length) {
    const ch = text[at];
    if (ch === "\\") {
      at += 2;
      continue;
    }
    if (ch === "`") {
      let run = 0;
      while (text[at + run] === "`") run++;
      const close = findCodeClose(text, at + run, "`".repeat(run));
      at = close === -1 ? at + run : close + run;
      continue;
    }
    if (text.startsWith(delimiter, at)) {
      const before = text[at - 1] ?? "";
      const after = text[at + delimiter.length] ?? "";
      const single = delimiter.length === 1;
      // A single delimiter must not be half of a double one; `_` must end at a word boundary.
      const partOfDouble = single && (after === delimiter || before === delimiter);
      const intraword = delimiter[0] === "_" && WORD.test(after);
      if (!/\s/.test(before) && !partOfDouble && !intraword) return at;
      at += delimiter.length;
      continue;
    }
    at++;
  }
  return -1;
}

function readLink(text: string, start: number): { nodes: Inline[]; end: number } | null {
  let depth = 0;
  let close = -1;
  for (let k = start; k < text.length; k++) {
    const ch = text[k];
    if (ch === "\\") {
      k++;
    } else if (ch === "[") {
      depth++;
    } else if (ch === "]") {
      depth--;
      if (depth === 0) {
        close = k;
        break;
      }
    }
  }
  if (close === -1 || text[close + 1] !== "(") return null;
  const target = /^\(\s*<?([^\s)>]*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/.exec(text.slice(close + 1));
  if (!target) return null;
  const label = parseInline(text.slice(start + 1, close));
  const href = safeHref(target[1] ?? "");
  const end = close + 1 + target[0].length;
  // An unsafe target (javascript:, data:, ...) keeps its text and loses the link.
  return { nodes: href ? [{ type: "link", href, children: label }] : label, end };
}

/** Links may go to the web, to mail, or within the site; every other scheme is dropped. */
export function safeHref(href: string): string | null {
  const trimmed = href.trim();
  if (/^(https?:|mailto:)/i.test(trimmed)) return trimmed;
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith("//")) return null;
  return trimmed;
}
