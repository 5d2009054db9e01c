// Compares a transcript with its committed golden file. `UPDATE_GOLDEN=1` (re)writes the
// files instead; without it a missing or different file fails with a line diff. The file
// operations are handed in by the specs (node:fs): the engine's code, its tests' helpers
// included, does no I/O of its own.
import { dirname, join, relative } from 'node:path';

/** What a golden comparison does with files: the specs pass node:fs. */
export interface GoldenFiles {
  existsSync(path: string): boolean;
  readFileSync(path: string, encoding: 'utf8'): string;
  writeFileSync(path: string, data: string, encoding: 'utf8'): void;
  mkdirSync(path: string, options: { recursive: true }): unknown;
}

export const TRANSCRIPTS_DIR = join(__dirname, '__transcripts__');

export function updatingGolden(): boolean {
  return process.env['UPDATE_GOLDEN'] === '1';
}

export function goldenPath(template: string, scenario: string): string {
  return join(TRANSCRIPTS_DIR, template, `${scenario}.txt`);
}

/**
 * A line diff (longest common subsequence): `-` lines are only in the golden file, `+`
 * lines only in the actual transcript; unchanged lines are left out except `context`
 * lines around each change. Empty when equal.
 */
export function diffLines(expected: string, actual: string, context = 2): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      const row = lcs[i] ?? [];
      row[j] = a[i] === b[j] ? (lcs[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const ops: Array<{ kind: ' ' | '-' | '+'; text: string; line: number }> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: ' ', text: a[i] ?? '', line: j + 1 });
      i += 1;
      j += 1;
    } else if (j < b.length && (i >= a.length || (lcs[i]?.[j + 1] ?? 0) > (lcs[i + 1]?.[j] ?? 0))) {
      ops.push({ kind: '+', text: b[j] ?? '', line: j + 1 });
      j += 1;
    } else {
      ops.push({ kind: '-', text: a[i] ?? '', line: i + 1 });
      i += 1;
    }
  }
  if (ops.every((op) => op.kind === ' ')) return '';
  const keep = ops.map((op, k) => op.kind !== ' ' || ops.slice(Math.max(0, k - context), k + context + 1).some((o) => o.kind !== ' '));
  const out: string[] = [];
  ops.forEach((op, k) => {
    if (keep[k]) out.push(`${op.kind} ${String(op.line).padStart(3)} | ${op.text}`);
    else if (keep[k - 1]) out.push('  ...');
  });
  return out.join('\n');
}

/** Throws a readable error unless `actual` equals the golden file (or writes it when updating). */
export function expectGolden(files: GoldenFiles, file: string, actual: string): void {
  const shown = relative(process.cwd(), file);
  if (updatingGolden()) {
    files.mkdirSync(dirname(file), { recursive: true });
    if (!files.existsSync(file) || files.readFileSync(file, 'utf8') !== actual) files.writeFileSync(file, actual, 'utf8');
    return;
  }
  if (!files.existsSync(file)) {
    throw new Error(`Golden transcript ${shown} is missing. Read the transcript below; if it is right, write it with UPDATE_GOLDEN=1.\n\n${actual}`);
  }
  const expected = files.readFileSync(file, 'utf8');
  if (expected === actual) return;
  throw new Error(
    `Transcript differs from ${shown} (- golden, + actual). If the new behaviour is intended, rerun with UPDATE_GOLDEN=1 and review the diff.\n\n${diffLines(expected, actual)}`,
  );
}
