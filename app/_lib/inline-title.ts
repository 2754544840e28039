// Exercise titles are written in the manifest with Markdown's inline code ("A bank account with
// `with lock:`"). Pages render the code spans; places that only take text (the tab's title)
// drop the backticks.

export type TitlePart = { code: boolean; text: string };

/** Split a title at backticks: odd segments are code. An unpaired backtick stays as text. */
export function titleParts(title: string): TitlePart[] {
  const segments = title.split("`");
  if (segments.length % 2 === 0) return [{ code: false, text: title }];
  return segments.map((text, index) => ({ code: index % 2 === 1, text })).filter((part) => part.text !== "");
}

/** The title as plain text, for <title> and other text-only places. */
export function plainTitle(title: string): string {
  return titleParts(title)
    .map((part) => part.text)
    .join("");
}
