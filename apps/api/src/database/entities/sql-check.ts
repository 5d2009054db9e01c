/** `"column" IN ('a', 'b')`: the CHECK expression for a text column that holds one of a fixed list. */
export function sqlOneOf(column: string, values: readonly string[]): string {
  return `"${column}" IN (${values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', ')})`;
}
