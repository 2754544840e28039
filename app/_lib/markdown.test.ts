import { describe, expect, it } from "vitest";
import { parseInline, parseMarkdown, safeHref, withoutLeadingTitle } from "./markdown";

describe("parseMarkdown blocks", () => {
  it("reads headings, paragraphs and rules", () => {
    expect(parseMarkdown("# Title\n\nOne\ntwo\n\n---\nSub\n===")).toEqual([
      { type: "heading", level: 1, children: [{ type: "text", text: "Title" }] },
      { type: "paragraph", children: [{ type: "text", text: "One\ntwo" }] },
      { type: "rule" },
      { type: "heading", level: 1, children: [{ type: "text", text: "Sub" }] },
    ]);
  });

  it("keeps fenced code verbatim, with its language", () => {
    const source = "```ts\nconst a = 1 < 2 && **b**;\n\n  indented\n```\nafter";
    expect(parseMarkdown(source)).toEqual([
      { type: "code", lang: "ts", text: "const a = 1 < 2 && **b**;\n\n  indented" },
      { type: "paragraph", children: [{ type: "text", text: "after" }] },
    ]);
  });

  it("reads nested and ordered lists", () => {
    const blocks = parseMarkdown("- one\n- two\n  - inner\n\n3. three\n4. four");
    expect(blocks).toEqual([
      {
        type: "list",
        ordered: false,
        start: 1,
        items: [
          [{ type: "paragraph", children: [{ type: "text", text: "one" }] }],
          [
            { type: "paragraph", children: [{ type: "text", text: "two" }] },
            {
              type: "list",
              ordered: false,
              start: 1,
              items: [[{ type: "paragraph", children: [{ type: "text", text: "inner" }] }]],
            },
          ],
        ],
      },
      {
        type: "list",
        ordered: true,
        start: 3,
        items: [
          [{ type: "paragraph", children: [{ type: "text", text: "three" }] }],
          [{ type: "paragraph", children: [{ type: "text", text: "four" }] }],
        ],
      },
    ]);
  });

  it("reads block quotes and pipe tables", () => {
    const blocks = parseMarkdown("> a *note*\n\n| op | cost |\n|:--|--:|\n| `a\\|b` | 2 |");
    expect(blocks[0]).toEqual({
      type: "blockquote",
      children: [
        {
          type: "paragraph",
          children: [
            { type: "text", text: "a " },
            { type: "em", children: [{ type: "text", text: "note" }] },
          ],
        },
      ],
    });
    expect(blocks[1]).toEqual({
      type: "table",
      align: ["left", "right"],
      header: [[{ type: "text", text: "op" }], [{ type: "text", text: "cost" }]],
      rows: [[[{ type: "code", text: "a|b" }], [{ type: "text", text: "2" }]]],
    });
  });

  it("treats raw HTML as text", () => {
    expect(parseMarkdown('<script>alert("x")</script>')).toEqual([
      { type: "paragraph", children: [{ type: "text", text: '<script>alert("x")</script>' }] },
    ]);
  });
});

describe("parseInline", () => {
  it("reads code, strong, emphasis and escapes", () => {
    expect(parseInline("use `lock.acquire()` **always**, _really_ \\*not\\* this")).toEqual([
      { type: "text", text: "use " },
      { type: "code", text: "lock.acquire()" },
      { type: "text", text: " " },
      { type: "strong", children: [{ type: "text", text: "always" }] },
      { type: "text", text: ", " },
      { type: "em", children: [{ type: "text", text: "really" }] },
      { type: "text", text: " *not* this" },
    ]);
  });

  it("leaves snake_case and lone stars alone", () => {
    expect(parseInline("call max_worker_count * 2")).toEqual([{ type: "text", text: "call max_worker_count * 2" }]);
  });

  it("reads links and drops unsafe targets", () => {
    expect(parseInline("[docs](https://example.com/a) and [x](javascript:alert(1))")).toEqual([
      { type: "link", href: "https://example.com/a", children: [{ type: "text", text: "docs" }] },
      { type: "text", text: " and " },
      { type: "text", text: "x" },
      { type: "text", text: ")" },
    ]);
  });

  it("reads hard breaks", () => {
    expect(parseInline("a  \nb")).toEqual([
      { type: "text", text: "a" },
      { type: "break" },
      { type: "text", text: "b" },
    ]);
  });
});

describe("safeHref", () => {
  it("allows web, mail and relative targets only", () => {
    expect(safeHref("https://x.dev")).toBe("https://x.dev");
    expect(safeHref("mailto:a@b.c")).toBe("mailto:a@b.c");
    expect(safeHref("/exercises/a")).toBe("/exercises/a");
    expect(safeHref("#section")).toBe("#section");
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("JaVaScRiPt:alert(1)")).toBeNull();
    expect(safeHref("data:text/html,x")).toBeNull();
    expect(safeHref("//evil.example")).toBeNull();
  });
});

describe("withoutLeadingTitle", () => {
  it("drops a first heading that repeats the title, and nothing else", () => {
    expect(withoutLeadingTitle("# Counting with threads\n\nBody", "Counting with threads")).toBe("\nBody");
    expect(withoutLeadingTitle("\n# counting WITH threads #\nBody", "Counting with threads")).toBe("Body");
    expect(withoutLeadingTitle("# Another title\nBody", "Counting with threads")).toBe("# Another title\nBody");
    expect(withoutLeadingTitle("Intro\n# Counting with threads", "Counting with threads")).toBe(
      "Intro\n# Counting with threads",
    );
  });
});
