import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The documents the landing page links to, served as plain text from the repository. A fixed
 * list, so no request path ever reaches the file system.
 */
export const DOC_PAGES: readonly { slug: string; title: string; file: string }[] = [
  { slug: 'readme', title: 'README — quickstart and layout', file: 'README.md' },
  { slug: 'architecture', title: 'Architecture', file: 'docs/architecture.md' },
  { slug: 'flow-engine', title: 'The flow engine', file: 'docs/flow-engine.md' },
  { slug: 'development', title: 'Development', file: 'docs/development.md' },
];

/** Reads one of {@link DOC_PAGES} by slug; `undefined` when the slug or the file is unknown. */
export async function readDocPage(docsRoot: string, slug: string): Promise<string | undefined> {
  const page = DOC_PAGES.find((candidate) => candidate.slug === slug);
  if (!page) return undefined;
  try {
    return await readFile(path.join(docsRoot, page.file), 'utf8');
  } catch (error) {
    // A deployment without the docs folder (a slim image) answers 404, not 500.
    if (isMissingFile(error)) return undefined;
    throw error;
  }
}

function isMissingFile(error: unknown): boolean {
  // Duck-typed: errors from node:fs may come from another realm (test runners), failing instanceof.
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return code === 'ENOENT' || code === 'EISDIR';
}
