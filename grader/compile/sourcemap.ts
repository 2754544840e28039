// Maps lines of the JavaScript that runs in the sandbox back to the student's TypeScript,
// from the source map TypeScript emits (base64 VLQ "mappings", source map v3).

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGIT = new Map([...BASE64].map((c, i) => [c, i] as const));

/** Generated line (1-based) → original line (1-based) of the first mapping on that line. */
export function lineMapFromSourceMap(mappings: string): Map<number, number> {
  const map = new Map<number, number>();
  let originalLine = 0;
  const lines = mappings.split(";");
  for (let gen = 0; gen < lines.length; gen++) {
    const segments = lines[gen]!;
    if (segments === "") continue;
    for (const segment of segments.split(",")) {
      const fields = decodeVlq(segment);
      if (fields.length >= 4) {
        originalLine += fields[2]!;
        if (!map.has(gen + 1)) map.set(gen + 1, originalLine + 1);
      }
    }
  }
  return map;
}

function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of segment) {
    const digit = DIGIT.get(c);
    if (digit === undefined) break;
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}
