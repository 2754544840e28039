import type { ReactNode } from "react";
import { parseMarkdown, type Block, type Inline } from "../_lib/markdown";

// Renders the tree from _lib/markdown.ts as React elements. There is no HTML string and no
// dangerouslySetInnerHTML anywhere: React escapes every text node.

export function Markdown({ source, headingOffset = 1 }: { source: string; headingOffset?: number }) {
  return <div className="prose">{renderBlocks(parseMarkdown(source), headingOffset)}</div>;
}

function renderBlocks(blocks: Block[], headingOffset: number): ReactNode[] {
  return blocks.map((block, key) => renderBlock(block, key, headingOffset));
}

function renderBlock(block: Block, key: number, headingOffset: number): ReactNode {
  switch (block.type) {
    case "heading": {
      // The page already has its <h1>: statement headings start one level lower.
      const level = Math.min(6, block.level + headingOffset);
      const Tag = `h${level}` as "h2";
      return <Tag key={key}>{renderInlines(block.children)}</Tag>;
    }
    case "paragraph":
      return <p key={key}>{renderInlines(block.children)}</p>;
    case "code":
      return (
        // Focusable: a wide block scrolls sideways, and the keyboard must reach it (WCAG 2.1.1, axe).
        <pre key={key} className="code-block" tabIndex={0}>
          <code data-lang={block.lang ?? undefined}>{block.text}</code>
        </pre>
      );
    case "blockquote":
      return <blockquote key={key}>{renderBlocks(block.children, headingOffset)}</blockquote>;
    case "list": {
      const items = block.items.map((item, index) => <li key={index}>{renderListItem(item, headingOffset)}</li>);
      return block.ordered ? (
        <ol key={key} start={block.start === 1 ? undefined : block.start}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
    case "table":
      return (
        <div key={key} className="table-scroll">
          <table>
            <thead>
              <tr>
                {block.header.map((cell, index) => (
                  <th key={index} style={{ textAlign: block.align[index] ?? undefined }}>
                    {renderInlines(cell)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, rowIndex) => (
                <tr key={rowIndex}>
                  {row.map((cell, index) => (
                    <td key={index} style={{ textAlign: block.align[index] ?? undefined }}>
                      {renderInlines(cell)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case "rule":
      return <hr key={key} />;
  }
}

/** A list item holding a single paragraph renders "tight", without the <p>. */
function renderListItem(item: Block[], headingOffset: number): ReactNode {
  const [only] = item;
  if (item.length === 1 && only?.type === "paragraph") return renderInlines(only.children);
  return renderBlocks(item, headingOffset);
}

function renderInlines(inlines: Inline[]): ReactNode[] {
  return inlines.map((inline, key) => {
    switch (inline.type) {
      case "text":
        return inline.text;
      case "code":
        return <code key={key}>{inline.text}</code>;
      case "strong":
        return <strong key={key}>{renderInlines(inline.children)}</strong>;
      case "em":
        return <em key={key}>{renderInlines(inline.children)}</em>;
      case "break":
        return <br key={key} />;
      case "link": {
        const external = /^(https?:|mailto:)/i.test(inline.href);
        return (
          <a key={key} href={inline.href} {...(external ? { rel: "noopener noreferrer", target: "_blank" } : {})}>
            {renderInlines(inline.children)}
          </a>
        );
      }
    }
  });
}
