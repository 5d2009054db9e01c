import { RUN_LOG_ROW_ENTRIES, runLogRows, type LogEntry } from './run-log.js';

const entries = (n: number): LogEntry[] => Array.from({ length: n }, (_, i) => ({ kind: 'node', data: { i } }));

describe('runLogRows', () => {
  it('keeps a step in one row, up to what a row holds', () => {
    expect(runLogRows(entries(6))).toEqual([entries(6)]);
    expect(runLogRows(entries(RUN_LOG_ROW_ENTRIES))).toHaveLength(1);
  });

  it('spreads a longer step over consecutive rows, in order, none over the limit', () => {
    const all = entries(2 * RUN_LOG_ROW_ENTRIES + 1);
    const rows = runLogRows(all);
    expect(rows.map((row) => row.length)).toEqual([RUN_LOG_ROW_ENTRIES, RUN_LOG_ROW_ENTRIES, 1]);
    expect(rows.flat()).toEqual(all);
  });

  it('writes no row for a step without entries', () => {
    expect(runLogRows([])).toEqual([]);
  });
});
