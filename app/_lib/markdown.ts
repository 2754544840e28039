// The safety rules of the one Markdown renderer (app/_components/markdown.tsx, react-markdown
// with remark-gfm): statements and the authoring preview go through it. No HTML string is ever
// built: react-markdown turns the syntax tree into React elements, and React escapes text.

/** Where a link may point: the web, mail, or a place on this site. Anything else is dropped. */
export function safeHref(href: string): string | null {
  // Browsers drop tabs and newlines anywhere in a URL and control characters around it, so
  // "java\tscript:" is javascript: to them: check what they will see.
  // eslint-disable-next-line no-control-regex
  const trimmed = href.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
  if (/^(https?:|mailto:)/i.test(trimmed)) return trimmed;
  // Another scheme, or a protocol-relative address (browsers read "\" as "/" there).
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || /^[/\\]{2}/.test(trimmed)) return null;
  return trimmed;
}

/** http(s) and mail targets leave the site: they open apart and pass no referrer nor ranking. */
export function isExternalHref(href: string): boolean {
  return /^(https?:|mailto:)/i.test(href);
}

/**
 * Statements repeat the exercise's title as their first heading; the page already shows it.
 * Drops that heading (case-insensitively) and nothing else.
 */
export function withoutLeadingTitle(source: string, title: string): string {
  const match = /^\s*#[ \t]+(.+?)[ \t#]*(?:\r?\n|$)/.exec(source);
  return match && match[1]?.trim().toLowerCase() === title.trim().toLowerCase()
    ? source.slice(match[0].length)
    : source;
}

type MdNode = { type: string; value?: string; children?: MdNode[] };

const FLOW_PARENTS = new Set(["root", "blockquote", "listItem", "footnoteDefinition"]);

/**
 * A remark plugin: raw HTML in the source is shown as the text it is, never rendered nor
 * silently dropped (an author sees their `<script>` as text in the preview, and so would a student).
 */
export function remarkHtmlAsText() {
  return (tree: MdNode) => {
    const walk = (node: MdNode) => {
      const children = node.children;
      if (!children) return;
      node.children = children.map((child) => {
        if (child.type !== "html") {
          walk(child);
          return child;
        }
        const text: MdNode = { type: "text", value: child.value ?? "" };
        return FLOW_PARENTS.has(node.type) ? { type: "paragraph", children: [text] } : text;
      });
    };
    walk(tree);
  };
}
