import type { Message, PluralForms } from './define-messages.js';

/** `'Hi {name}, {count} new'` -> `'name' | 'count'`. */
type PlaceholdersIn<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | PlaceholdersIn<Rest> : never;

/** The parameters a message needs: its placeholders, and `count` for a plural. */
export type PlaceholdersOf<M> = M extends string
  ? PlaceholdersIn<M>
  : M extends PluralForms
    ? PlaceholdersIn<Extract<M[keyof M], string>> | 'count'
    : never;

export type MessageParams<M> = { readonly [P in PlaceholdersOf<M>]: P extends 'count' ? number : string | number };

/** `t(key)` for a message without placeholders, `t(key, params)` for one with. */
export type ParamsArgs<M> = [PlaceholdersOf<M>] extends [never] ? [] : [params: MessageParams<M>];

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholder names of a message text, sorted (for the catalogue parity test). */
export function placeholderNames(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message).filter((text): text is string => typeof text === 'string');
  const names = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(PLACEHOLDER)) names.add(match[1] ?? '');
  return [...names].sort();
}

/** Replaces `{name}` with the formatted parameter; an unknown placeholder stays as written. */
export function interpolate(text: string, params: Readonly<Record<string, string | number>>, formatNumber: (value: number) => string): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}
