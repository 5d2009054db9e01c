import { randomBytes } from 'node:crypto';

const SUFFIX_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const MAX_BASE_LENGTH = 40;

/**
 * A URL-safe, installation-unique slug for a workspace name: the name in lower-case ASCII
 * (accents dropped: "Loja São João" -> "loja-sao-joao") plus a random 6-character suffix, so
 * two shops with the same name never collide and a slug does not reveal how many exist.
 */
export function createWorkspaceSlug(name: string): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, MAX_BASE_LENGTH)
      .replace(/-+$/, '') || 'workspace';
  const suffix = Array.from(randomBytes(6), (byte) => SUFFIX_ALPHABET[byte & 31]).join('');
  return `${base}-${suffix}`;
}
