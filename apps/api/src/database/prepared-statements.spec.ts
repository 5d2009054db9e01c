import { StatementNames } from './prepared-statements.js';

describe('StatementNames', () => {
  it('names a text from its second use, always with the same name', () => {
    const names = new StatementNames(10);
    const sql = 'SELECT id FROM flows WHERE id = $1';
    expect(names.nameFor(sql)).toBeUndefined();
    const name = names.nameFor(sql);
    expect(name).toMatch(/^j_[0-9a-f]{24}$/);
    expect(names.nameFor(sql)).toBe(name);
    expect(names.nameFor('SELECT id FROM flows WHERE name = $1')).toBeUndefined();
    expect(names.nameFor('SELECT id FROM flows WHERE name = $1')).not.toBe(name);
  });

  it('names at most `limit` texts: a query whose shape varies cannot grow the set without bound', () => {
    const names = new StatementNames(3);
    for (let i = 0; i < 50; i += 1) {
      const sql = `SELECT id FROM flows WHERE id IN (${Array.from({ length: i + 1 }, (_, k) => `$${String(k + 1)}`).join(', ')})`;
      names.nameFor(sql);
      names.nameFor(sql);
    }
    expect(names.size).toBe(3);
    // The named ones keep their names.
    expect(names.nameFor('SELECT id FROM flows WHERE id IN ($1)')).toMatch(/^j_/);
    expect(names.nameFor('SELECT id FROM flows WHERE id IN ($1, $2, $3, $4, $5)')).toBeUndefined();
  });
});
