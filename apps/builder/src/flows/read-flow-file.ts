/** Flow files larger than this are refused before reading: a real flow is a few hundred KB. */
export const MAX_FLOW_FILE_BYTES = 5 * 1024 * 1024;

export type FlowFile =
  | { readonly ok: true; readonly document: Record<string, unknown> }
  | { readonly ok: false; readonly problem: 'not-json'; readonly reason: string }
  | { readonly ok: false; readonly problem: 'not-object' };

/**
 * Reads an exported flow file: JSON holding an object. Whether it is a valid flow is the
 * server's call (it migrates older formats and names each invalid path).
 */
export function readFlowFile(text: string): FlowFile {
  let parsed: unknown;
  try {
    // A byte order mark from some editors is not part of the JSON.
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problem: 'not-json', reason: error instanceof Error ? error.message : String(error) };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, problem: 'not-object' };
  return { ok: true, document: parsed as Record<string, unknown> };
}

/** `document.nodes.2.data.text` -> `nodes.2.data.text`: the path inside the file. */
export function pathInFile(field: string): string {
  return field.replace(/^document\.?/, '') || '(root)';
}
