import { createHash } from 'node:crypto';
import pg from 'pg';

/** Distinct statement texts named at most, over the process: dynamic SQL cannot grow it without bound. */
export const MAX_NAMED_STATEMENTS = 500;
/** A text is named from its second use: one-off statements (migrations, DDL) stay unnamed. */
const USES_BEFORE_NAMING = 2;

/**
 * Which statements run as named prepared statements, shared by every connection of the process.
 *
 * Why: PostgreSQL plans an unnamed statement every time it runs, and the runtime's statements
 * are short, so planning was as much as 40% of their time in PostgreSQL (pg_stat_statements with
 * track_planning, under `npm run bench:runtime`). A named statement is parsed once per connection
 * and, after a few runs, executed on its cached plan. Only statements with parameters qualify
 * (the application's fixed SQL); a text is named once it has been seen twice, and at most
 * MAX_NAMED_STATEMENTS texts ever are, so a query built with a varying shape cannot fill the
 * server's memory with statements.
 */
export class StatementNames {
  private readonly uses = new Map<string, number>();
  private readonly names = new Map<string, string>();

  constructor(private readonly limit = MAX_NAMED_STATEMENTS) {}

  /** The name to run `text` under, or undefined to run it unnamed. */
  nameFor(text: string): string | undefined {
    const named = this.names.get(text);
    if (named !== undefined) return named;
    if (this.names.size >= this.limit) return undefined;
    const uses = (this.uses.get(text) ?? 0) + 1;
    if (uses < USES_BEFORE_NAMING) {
      // Counting is bounded too: past the limit, a new text is simply never named.
      if (this.uses.size < this.limit * 4) this.uses.set(text, uses);
      return undefined;
    }
    this.uses.delete(text);
    const name = `j_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    this.names.set(text, name);
    return name;
  }

  /** Texts named so far (tests). */
  get size(): number {
    return this.names.size;
  }
}

/** The fields of pg's Query that its types leave out and the named path sets. */
type PgQuery = pg.Query & { name?: string; callback?: (error: Error | null, result: pg.QueryResult) => void };

/**
 * A pg Client class whose parameterised statements run as named prepared statements (see
 * StatementNames). Given to the pool as its `Client`; everything else is pg's own Client.
 */
export function preparingClient(names: StatementNames = new StatementNames()): typeof pg.Client {
  class PreparingClient extends pg.Client {
    // pg's query() is heavily overloaded; only (text, values[, callback]) with values is rewritten.
    override query(...args: unknown[]): never {
      const [config, values, callback] = args;
      if (typeof config === 'string' && Array.isArray(values) && values.length > 0) {
        const name = names.nameFor(config);
        if (name !== undefined) {
          // Built from the text, then named: given an object instead, pg copies it through its
          // property descriptors on every query, about 1.6 µs against 0.1 — a few per cent of the
          // server's CPU per webhook, at four or five statements a message.
          const named = new pg.Query(config, values) as PgQuery;
          named.name = name;
          if (typeof callback === 'function') {
            named.callback = callback as PgQuery['callback'];
            super.query(named);
            return undefined as never;
          }
          return new Promise<pg.QueryResult>((resolve, reject) => {
            named.callback = (error: Error | null, result: pg.QueryResult) => {
              if (error) reject(error);
              else resolve(result);
            };
            super.query(named);
          }).catch((error: unknown) => {
            // As pg does: a stack that leads back to the caller, not to the socket's read.
            if (error instanceof Error) Error.captureStackTrace(error);
            throw error;
          }) as never;
        }
      }
      return (super.query as (...a: unknown[]) => unknown)(...args) as never;
    }
  }
  return PreparingClient;
}
