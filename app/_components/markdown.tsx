import type { ComponentProps, ReactNode } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { isExternalHref, remarkHtmlAsText, safeHref } from "../_lib/markdown";

// The one Markdown renderer (statements, the authoring preview): react-markdown + remark-gfm
// (tables, strikethrough, task lists, autolinks). Raw HTML is text (remarkHtmlAsText), links
// are filtered by safeHref, images show their alt text (no request to another site from a
// statement). Works in server and client components alike: it holds no state.

type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

function heading(level: HeadingLevel, offset: number) {
  const Tag = `h${Math.min(6, level + offset)}` as "h2";
  return function Heading({ children }: { children?: ReactNode }) {
    return <Tag>{children}</Tag>;
  };
}

function components(headingOffset: number): Components {
  return {
    // The page already has its <h1>: statement headings start one level lower.
    h1: heading(1, headingOffset),
    h2: heading(2, headingOffset),
    h3: heading(3, headingOffset),
    h4: heading(4, headingOffset),
    h5: heading(5, headingOffset),
    h6: heading(6, headingOffset),
    a({ href, children }: ComponentProps<"a">) {
      const target = href ? safeHref(href) : null;
      if (!target) return <span>{children}</span>;
      return isExternalHref(target) ? (
        <a href={target} rel="noopener noreferrer nofollow" target="_blank">
          {children}
        </a>
      ) : (
        <a href={target}>{children}</a>
      );
    },
    img({ alt }: ComponentProps<"img">) {
      return alt ? <span className="muted">[{alt}]</span> : null;
    },
    pre({ children }: ComponentProps<"pre">) {
      // Focusable: a wide block scrolls sideways, and the keyboard must reach it (WCAG 2.1.1, axe).
      return (
        <pre className="code-block" tabIndex={0}>
          {children}
        </pre>
      );
    },
    code({ className, children }: ComponentProps<"code">) {
      const lang = /language-([\w-]+)/.exec(className ?? "")?.[1];
      return <code data-lang={lang}>{children}</code>;
    },
    table({ children }: ComponentProps<"table">) {
      return (
        <div className="table-scroll">
          <table>{children}</table>
        </div>
      );
    },
  };
}

const REMARK_PLUGINS = [remarkGfm, remarkHtmlAsText];

export function Markdown({ source, headingOffset = 1 }: { source: string; headingOffset?: number }) {
  return (
    <div className="prose">
      <ReactMarkdown
        remarkPlugins={REMARK_PLUGINS}
        skipHtml={false}
        // Every URL goes through safeHref; the `a` component renders a link it dropped as text.
        urlTransform={(url) => safeHref(url)}
        components={components(headingOffset)}
      >
        {source}
      </ReactMarkdown>
    </div>
  );
}
