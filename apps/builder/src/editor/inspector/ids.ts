/** Outputs every node may have besides its choices: a choice must never take one of these names. */
const BUILT_IN_HANDLES: ReadonlySet<string> = new Set(['next', 'other', 'timeout', 'invalid', 'else', 'reply', 'received', 'success', 'error', 'resolved', 'returned']);

/**
 * A new id for a button, row, option, branch or variant: `prefix` and the first free number
 * (`button_3`), unique among `taken` (the node's other ids, which are its outputs' handles).
 */
export function nextId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n += 1) {
    const id = `${prefix}_${String(n)}`;
    if (!used.has(id) && !BUILT_IN_HANDLES.has(id)) return id;
  }
}
