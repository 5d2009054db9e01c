import { createWorkspaceSlug } from './workspace-slug.js';

describe('createWorkspaceSlug', () => {
  it('keeps the name readable, in lower-case ASCII, with a random suffix', () => {
    expect(createWorkspaceSlug('Loja São João!')).toMatch(/^loja-sao-joao-[a-z2-9]{6}$/);
    expect(createWorkspaceSlug('Loja')).not.toBe(createWorkspaceSlug('Loja'));
  });

  it('falls back to "workspace" when nothing of the name is left, and bounds the length', () => {
    expect(createWorkspaceSlug('日本')).toMatch(/^workspace-[a-z2-9]{6}$/);
    expect(createWorkspaceSlug('a'.repeat(300)).length).toBeLessThanOrEqual(47);
  });
});
