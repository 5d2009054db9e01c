// `npm run db:check`: fails when the entities and the migrations describe different schemas.
import 'reflect-metadata';
import { findSchemaDiff } from '../schema-drift.js';
import { withMigratedScratchDatabase } from './with-migrated-scratch-database.js';

const diff = await withMigratedScratchDatabase(findSchemaDiff);
if (diff.up.length === 0) {
  console.log('Schema check passed: the migrations produce exactly what the entities describe.');
} else {
  console.error(`Schema drift: after every migration, the entities still need ${String(diff.up.length)} change(s):`);
  for (const statement of diff.up) console.error(`  ${statement};`);
  console.error('Write a migration for them: npm run db:migration:generate -- <Name>');
  process.exitCode = 1;
}
