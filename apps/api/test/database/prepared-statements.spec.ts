// The pool's connections run repeated parameterised statements as named prepared statements
// (planned once per connection), and can be told not to (DATABASE_PREPARED_STATEMENTS=false).
import { DataSource } from 'typeorm';
import { createDataSourceOptions } from '../../src/database/data-source-options.js';
import { preparingClient, StatementNames } from '../../src/database/prepared-statements.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('prepared statements', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(() => db.drop());

  const preparedOn = async (dataSource: DataSource) =>
    (await dataSource.query<{ statement: string }[]>(`SELECT statement FROM pg_prepared_statements WHERE NOT from_sql`)).map((row) => row.statement);

  it('prepares a parameterised statement from its second run, on the connection that runs it, with the same results', async () => {
    const dataSource = await new DataSource(createDataSourceOptions({ url: db.url, poolSize: 1 })).initialize();
    try {
      const sql = `SELECT $1::int + 1 AS n, current_database() AS db`;
      const results = [];
      for (let i = 0; i < 4; i += 1) results.push((await dataSource.query<{ n: number }[]>(sql, [i]))[0]?.n);
      expect(results).toEqual([1, 2, 3, 4]);
      expect(await preparedOn(dataSource)).toContain(sql);
      // Statements without parameters (DDL, migrations, transaction control) are never prepared.
      await dataSource.query(`SELECT 42`);
      await dataSource.query(`SELECT 42`);
      expect(await preparedOn(dataSource)).not.toContain('SELECT 42');
      // Errors still reach the caller, and the connection goes on.
      await expect(dataSource.query(`SELECT 1 / $1::int`, [0])).rejects.toThrow(/division by zero/);
      await expect(dataSource.query(`SELECT 1 / $1::int`, [0])).rejects.toThrow(/division by zero/);
      await expect(dataSource.query<{ q: number }[]>(`SELECT 1 / $1::int AS q`, [1])).resolves.toEqual([{ q: 1 }]);
    } finally {
      await dataSource.destroy();
    }
  });

  it("answers pg's callback form too, and a failing named statement's error leads back to its caller", async () => {
    const Client = preparingClient(new StatementNames());
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const viaCallback = (value: number) =>
        new Promise<number>((resolve, reject) => {
          client.query(`SELECT $1::int * 2 AS n`, [value], (error: Error | null, result: { rows: { n: number }[] }) => {
            if (error) reject(error);
            else resolve(result.rows[0]?.n ?? -1);
          });
        });
      expect([await viaCallback(1), await viaCallback(2), await viaCallback(3)]).toEqual([2, 4, 6]);
      const failing = async () => client.query(`SELECT 1 / $1::int`, [0]);
      await expect(failing()).rejects.toThrow(/division by zero/);
      const error: unknown = await failing().catch((caught: unknown) => caught);
      expect((error as Error).stack).toContain('prepared-statements.spec');
    } finally {
      await client.end();
    }
  });

  it('prepares nothing when turned off', async () => {
    const dataSource = await new DataSource(createDataSourceOptions({ url: db.url, poolSize: 1, preparedStatements: false })).initialize();
    try {
      for (let i = 0; i < 4; i += 1) await dataSource.query(`SELECT $1::int AS n`, [i]);
      expect(await preparedOn(dataSource)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
