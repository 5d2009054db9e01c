// `npm run db:migration:generate -- <Name>`: writes a migration with the statements that bring a
// fully migrated database to what the entities describe (and their reverse). Review it: it
// cannot know about renames (it drops and adds) nor about data that must be moved.
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findSchemaDiff } from '../schema-drift.js';
import { withMigratedScratchDatabase } from './with-migrated-scratch-database.js';
import { renderMigration } from './render-migration.js';

const name = process.argv[2] ?? '';
if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) {
  console.error('Usage: npm run db:migration:generate -- <Name>   (PascalCase, e.g. AddChannels)');
  process.exit(2);
}
const diff = await withMigratedScratchDatabase(findSchemaDiff);
if (diff.up.length === 0) {
  console.log('Nothing to generate: the migrations already match the entities.');
} else {
  const timestamp = Date.now();
  // dist/database/cli -> src/database/migrations: the file belongs in the sources.
  const folder = fileURLToPath(new URL('../../../src/database/migrations/', import.meta.url));
  const file = path.join(folder, `${String(timestamp)}-${kebabCase(name)}.ts`);
  await writeFile(file, renderMigration({ className: `${name}${String(timestamp)}`, diff }));
  console.log(`Wrote ${path.relative(process.cwd(), file)} (${String(diff.up.length)} statement(s)).`);
  console.log(`Review it, then add ${name}${String(timestamp)} at the end of MIGRATIONS in apps/api/src/database/migrations/index.ts.`);
}

function kebabCase(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
