import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffLines, expectGolden } from './golden-file.js';

describe('golden files', () => {
  let dir = '';
  let saved: string | undefined;
  beforeEach(() => {
    dir = fs.mkdtempSync(join(tmpdir(), 'golden-'));
    saved = process.env['UPDATE_GOLDEN'];
    delete process.env['UPDATE_GOLDEN'];
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (saved === undefined) delete process.env['UPDATE_GOLDEN'];
    else process.env['UPDATE_GOLDEN'] = saved;
  });

  it('diffs by line, with the changed lines marked and numbered', () => {
    expect(diffLines('a\nb\nc\n', 'a\nb\nc\n')).toBe('');
    expect(diffLines('a\nb\nc', 'a\nB\nc')).toBe(['    1 | a', '-   2 | b', '+   2 | B', '    3 | c'].join('\n'));
  });

  it('fails on a missing file, naming UPDATE_GOLDEN', () => {
    expect(() => expectGolden(fs, join(dir, 'x', 'missing.txt'), 'hello\n')).toThrow(/missing.*UPDATE_GOLDEN=1/s);
  });

  it('fails on a different file with a diff, passes on an equal one', () => {
    const file = join(dir, 'same.txt');
    fs.writeFileSync(file, 'one\ntwo\n');
    expect(() => expectGolden(fs, file, 'one\ntwo\n')).not.toThrow();
    expect(() => expectGolden(fs, file, 'one\n2\n')).toThrow(/-\s+2 \| two\n\+\s+2 \| 2/);
  });

  it('writes the file (and its folder) with UPDATE_GOLDEN=1', () => {
    process.env['UPDATE_GOLDEN'] = '1';
    const file = join(dir, 'new', 'case.txt');
    expectGolden(fs, file, 'written\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('written\n');
  });
});
