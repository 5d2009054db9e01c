import { createHash } from 'node:crypto';
import { DefaultNamingStrategy, type NamingStrategyInterface, type Table } from 'typeorm';

/** PostgreSQL truncates identifiers longer than this (NAMEDATALEN - 1). */
const MAX_IDENTIFIER = 63;

/**
 * snake_case columns (`workspaceId` -> `workspace_id`) and readable constraint names
 * (`pk_users`, `fk_memberships_user_id`, `uq_…`, `idx_…`) instead of TypeORM's hashes, so
 * migrations and error messages say what they are about. Changing these rules renames
 * constraints: the drift check (npm run db:check) then asks for a migration.
 */
export class JornadaNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override columnName(propertyName: string, customName: string | undefined, embeddedPrefixes: string[]): string {
    const name = customName ?? snakeCase(propertyName);
    return embeddedPrefixes.length > 0 ? `${embeddedPrefixes.map(snakeCase).join('_')}_${name}` : name;
  }

  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return snakeCase(`${relationName}_${referencedColumnName}`);
  }

  override primaryKeyName(tableOrName: Table | string): string {
    return identifier(`pk_${this.getTableName(tableOrName)}`);
  }

  override foreignKeyName(tableOrName: Table | string, columnNames: string[]): string {
    return identifier(`fk_${this.getTableName(tableOrName)}_${columnNames.join('_')}`);
  }

  override uniqueConstraintName(tableOrName: Table | string, columnNames: string[]): string {
    return identifier(`uq_${this.getTableName(tableOrName)}_${columnNames.join('_')}`);
  }

  override relationConstraintName(tableOrName: Table | string, columnNames: string[]): string {
    return identifier(`rel_${this.getTableName(tableOrName)}_${columnNames.join('_')}`);
  }

  override indexName(tableOrName: Table | string, columnNames: string[], where?: string): string {
    const base = `idx_${this.getTableName(tableOrName)}_${columnNames.join('_')}`;
    return identifier(where === undefined || where === '' ? base : `${base}_${shortHash(where)}`);
  }
}

export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** Long names keep a readable head and a hash of the whole, within PostgreSQL's limit. */
function identifier(name: string): string {
  if (name.length <= MAX_IDENTIFIER) return name;
  return `${name.slice(0, MAX_IDENTIFIER - 9)}_${shortHash(name)}`;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}
