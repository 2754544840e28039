import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "../_components/markdown";
import { safeHref, withoutLeadingTitle } from "./markdown";

// The renderer is react-markdown; these tests pin what our configuration of it promises:
// no HTML from the source, safe links only, headings one level down, tables and code blocks.
const render = (source: string, headingOffset?: number) =>
  renderToStaticMarkup(createElement(Markdown, { source, headingOffset }));

describe("Markdown blocks", () => {
  it("renders headings one level below the page's, paragraphs and rules", () => {
    expect(render("# Title\n\nOne\ntwo\n\n---\nSub\n===")).toBe(
      '<div class="prose"><h2>Title</h2>\n<p>One\ntwo</p>\n<hr/>\n<h2>Sub</h2></div>',
    );
    expect(render("## Deep", 0)).toContain("<h2>Deep</h2>");
    expect(render("###### Deepest")).toContain("<h6>Deepest</h6>");
  });

  it("keeps fenced code verbatim, escaped, with its language", () => {
    const html = render("```ts\nconst a = 1 < 2 && **b**;\n\n  indented\n```\nafter");
    expect(html).toContain(
      '<pre class="code-block" tabindex="0"><code data-lang="ts">const a = 1 &lt; 2 &amp;&amp; **b**;\n\n  indented\n</code></pre>',
    );
    expect(html).toContain("<p>after</p>");
  });

  it("renders nested and ordered lists", () => {
    const html = render("- one\n- two\n  - inner\n\n3. three\n4. four");
    expect(html).toMatch(/<ul>\s*<li>one<\/li>\s*<li>two\s*<ul>\s*<li>inner<\/li>\s*<\/ul>\s*<\/li>\s*<\/ul>/);
    expect(html).toMatch(/<ol start="3">\s*<li>three<\/li>\s*<li>four<\/li>\s*<\/ol>/);
  });

  it("renders block quotes and GFM tables, aligned, in a scrolling box", () => {
    const html = render("> a *note*\n\n| op | cost |\n|:--|--:|\n| `a\\|b` | 2 |");
    expect(html).toMatch(/<blockquote>\s*<p>a <em>note<\/em><\/p>\s*<\/blockquote>/);
    expect(html).toContain('<div class="table-scroll"><table>');
    expect(html).toContain('<th style="text-align:left">op</th>');
    expect(html).toContain('<td style="text-align:left"><code>a|b</code></td>');
    expect(html).toContain('<td style="text-align:right">2</td>');
  });

  it("shows raw HTML as text, block and inline, never as markup", () => {
    const block = render('<script>alert("x")</script>');
    expect(block).toBe('<div class="prose"><p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p></div>');
    const inline = render('Hello <img src=x onerror="alert(1)"> and <b>bold</b>');
    expect(inline).not.toMatch(/<img|<b>/);
    expect(inline).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(inline).toContain("&lt;b&gt;bold&lt;/b&gt;");
  });
});

describe("Markdown inlines", () => {
  it("renders code, strong, emphasis and escapes", () => {
    expect(render("use `lock.acquire()` **always**, _really_ \\*not\\* this")).toBe(
      '<div class="prose"><p>use <code>lock.acquire()</code> <strong>always</strong>, <em>really</em> *not* this</p></div>',
    );
  });

  it("leaves snake_case and lone stars alone", () => {
    expect(render("call max_worker_count * 2")).toBe('<div class="prose"><p>call max_worker_count * 2</p></div>');
  });

  it("links safe targets (external ones apart, without referrer or ranking) and drops unsafe ones", () => {
    const html = render(
      "[docs](https://example.com/a), [home](/exercises/x), [x](javascript:alert(1)), [y](JAVASCRIPT:alert(2)), [z](data:text/html,hi), [w](//evil.example)",
    );
    expect(html).toContain(
      '<a href="https://example.com/a" rel="noopener noreferrer nofollow" target="_blank">docs</a>',
    );
    expect(html).toContain('<a href="/exercises/x">home</a>');
    expect(html).not.toMatch(/javascript|data:|evil\.example/i);
    expect(html).toContain("<span>x</span>");
    expect(html.match(/<a /g)).toHaveLength(2);
  });

  it("renders hard breaks", () => {
    expect(render("a  \nb")).toBe('<div class="prose"><p>a<br/>\nb</p></div>');
  });

  it("shows an image's alt text and never loads it", () => {
    const html = render("![a diagram](https://tracker.example/pixel.png)");
    expect(html).not.toContain("<img");
    expect(html).toContain("[a diagram]");
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
    expect(safeHref(" java\tscript:alert(1)")).toBeNull();
    expect(safeHref("\u0001javascript:alert(1)")).toBeNull();
    expect(safeHref("data:text/html,x")).toBeNull();
    expect(safeHref("//evil.example")).toBeNull();
    expect(safeHref("/\\evil.example")).toBeNull();
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
