// The provider fixtures are copied byte for byte from the shared test vectors: the recorded
// signatures are HMACs over their exact bytes. This fails if a formatter, an editor or a git
// line-ending setting touches them.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.join(__dirname, 'fixtures/providers');

const PINNED_SHA256: Readonly<Record<string, string>> = {
  'signatures.json': '036481fc06cb65f4eb688a42b37ec1d31fc3dd38006d32915e9cc63df3f6310b',
  'whatsapp-inbound-text.json': '83f7a5f7891eb7caccd2ef9d84248ce545b13a4ecbd12e79cb8e597904e136ea',
  'whatsapp-webhook-verification.request.json': 'e1d3c40c3f2ab2767fe5147c5aeb196d2a5ca84a6427f39e37615264118c029e',
};

it.each(Object.entries(PINNED_SHA256))('%s is unchanged', (file, sha256) => {
  const bytes = readFileSync(path.join(dir, file));
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);
});
