import { titleParts } from "../_lib/inline-title";

/** An exercise title with its `code` spans rendered as code, not as raw backticks. */
export function ExerciseTitle({ title }: { title: string }) {
  return <>{titleParts(title).map((part, index) => (part.code ? <code key={index}>{part.text}</code> : part.text))}</>;
}
