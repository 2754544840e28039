// A recorded history and the sequential model it is checked against: the two shapes every
// part of the linearizability checker shares (linearizability.ts, search.ts, shrink.ts, models.ts).

/** `call < ret`, logical timestamps. `id` is reported back in a linearization. */
export interface Operation<I, O> {
  id: number;
  thread: number;
  input: I;
  output: O;
  call: number;
  ret: number;
}

/**
 * A sequential specification. `step` must not mutate `state` (the search backtracks to
 * old states); return a new one. `key` gives equal states equal strings (the memo key;
 * defaults to the JSON form). `partition` splits a history into independently checkable
 * parts (each part is checked from `init()`).
 */
export interface Model<S, I, O> {
  init(): S;
  step(state: S, input: I, output: O): { ok: boolean; state: S };
  key?(state: S): string;
  partition?(history: Operation<I, O>[]): Operation<I, O>[][];
  describe?(op: Operation<I, O>): string;
  /** What the object is, for explanations: "queue", "register", … */
  name?: string;
  /**
   * Search-order hint: one number per operation of `history` (lower is tried first when
   * several may take effect next). Only speed depends on it, never the answer.
   */
  prioritize?(history: readonly Operation<I, O>[]): number[];
  /**
   * A cheap *sufficient* condition for non-linearizability, such as the queue's bad
   * patterns: a small sub-history that proves `history` illegal, or null. It must be
   * sound — whatever it returns is re-checked to be illegal, but not that it implies the
   * whole history is. Only called before searching.
   */
  refute?(history: readonly Operation<I, O>[]): Operation<I, O>[] | null;
}
