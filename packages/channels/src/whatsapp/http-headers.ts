/** Request headers as Node's `IncomingMessage#headers` gives them (any casing accepted here). */
export type HttpHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * Reads one header case-insensitively. A header sent more than once yields `undefined`: for a
 * signature that is an ambiguous request, and ambiguity must fail closed.
 */
export function readSingleHeader(headers: HttpHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase();
  let found: string | undefined;
  let count = 0;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    if (typeof value === 'string') {
      found = value;
      count += 1;
    } else {
      found = value.length === 1 ? value[0] : undefined;
      count += value.length;
    }
  }
  return count === 1 ? found : undefined;
}
