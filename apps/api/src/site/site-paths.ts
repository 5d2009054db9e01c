import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where the site's files are; an absent folder simply turns its part off. */
export class SitePaths {
  /** The repository root, holding README.md and docs/. */
  readonly docsRoot: string | undefined;
  /** The built builder (apps/builder/dist), when `npm run build` produced it. */
  readonly builderDist: string | undefined;
  readonly builderIndex: string | undefined;

  constructor({ docsRoot, builderDist }: { docsRoot?: string | undefined; builderDist?: string | undefined }) {
    this.docsRoot = docsRoot;
    const index = builderDist === undefined ? undefined : path.join(builderDist, 'index.html');
    const built = index !== undefined && existsSync(index);
    this.builderDist = built ? builderDist : undefined;
    this.builderIndex = built ? index : undefined;
  }
}
