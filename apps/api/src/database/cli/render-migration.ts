import type { SchemaDiff } from '../schema-drift.js';

/** TypeScript source of a migration class running `diff.up` in up() and `diff.down` in down(). */
export function renderMigration({ className, diff }: { className: string; diff: SchemaDiff }): string {
  const statements = (queries: readonly string[]): string =>
    queries.map((query) => `    await queryRunner.query(\`${escapeTemplate(query)}\`);`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${statements(diff.up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${statements(diff.down)}
  }
}
`;
}

/** The text as the body of a template literal: backslashes, backticks and `${` escaped. */
function escapeTemplate(text: string): string {
  return text.replace(/[\\`]/g, '\\$&').replace(/\$\{/g, '\\${');
}
