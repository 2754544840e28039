import { MAX_CODE_BYTES } from "@/server/submissions/submit-solution.schema";

/**
 * The size check the server makes, made in the browser before sending: code far over the limit
 * (a 1 MB paste) would otherwise hit the server action's body limit and get the generic error
 * page instead of this message. The server still checks; this only spares the round trip.
 */
export function codeTooLargeMessage(code: string): string | null {
  const bytes = new TextEncoder().encode(code).length;
  if (bytes <= MAX_CODE_BYTES) return null;
  return `Solutions are at most ${MAX_CODE_BYTES / 1024} KB: this one is ${Math.ceil(bytes / 1024)} KB.`;
}
