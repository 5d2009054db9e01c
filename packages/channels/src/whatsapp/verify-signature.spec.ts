import { readFileSync } from 'node:fs';
import path from 'node:path';
import { verifyWhatsAppSignature } from './verify-signature.js';

// Recorded vectors, byte for byte as shared by the provider fixtures (never reformat them).
const fixtures = path.resolve(__dirname, '../../test/fixtures/providers');

interface SignatureCase {
  readonly case: string;
  readonly header?: Readonly<Record<string, string>>;
  readonly expect: string;
}
interface WhatsAppVectors {
  readonly body_file: string;
  readonly app_secret: string;
  readonly header: Readonly<Record<string, string>>;
  readonly negative_cases: readonly SignatureCase[];
}

const vectors = (
  JSON.parse(readFileSync(path.join(fixtures, 'signatures.json'), 'utf8')) as {
    whatsapp_x_hub_signature_256: WhatsAppVectors;
  }
).whatsapp_x_hub_signature_256;
const rawBody = readFileSync(path.join(fixtures, vectors.body_file));
const appSecret = vectors.app_secret;

function negativeCase(name: string): SignatureCase {
  const found = vectors.negative_cases.find((candidate) => candidate.case === name);
  if (!found) throw new Error(`signatures.json has no negative case "${name}"`);
  return found;
}

describe('verifyWhatsAppSignature', () => {
  it('accepts the recorded signature over the exact bytes', () => {
    expect(verifyWhatsAppSignature({ rawBody, headers: vectors.header, appSecret })).toEqual({ valid: true });
  });

  it('reads the header whatever its casing (Node lowercases it)', () => {
    const value = vectors.header['X-Hub-Signature-256'] ?? '';
    expect(verifyWhatsAppSignature({ rawBody, headers: { 'x-hub-signature-256': value }, appSecret })).toEqual({ valid: true });
    expect(verifyWhatsAppSignature({ rawBody, headers: { 'x-hub-signature-256': value.toUpperCase().replace('SHA256=', 'sha256=') }, appSecret })).toEqual({ valid: true });
  });

  it('rejects a request without the header ("header missing")', () => {
    expect(negativeCase('header missing').expect).toMatch(/^reject/);
    expect(verifyWhatsAppSignature({ rawBody, headers: { 'content-type': 'application/json' }, appSecret })).toEqual({
      valid: false,
      reason: 'missing-signature',
    });
  });

  it('rejects the bare hex digest ("sha256= prefix missing")', () => {
    const { header } = negativeCase('sha256= prefix missing');
    expect(verifyWhatsAppSignature({ rawBody, headers: header ?? {}, appSecret })).toEqual({
      valid: false,
      reason: 'malformed-signature',
    });
  });

  it('rejects the signature of the re-serialised body when the original bytes are sent', () => {
    const { header } = negativeCase('signature of re-serialised (minified) body');
    expect(verifyWhatsAppSignature({ rawBody, headers: header ?? {}, appSecret })).toEqual({
      valid: false,
      reason: 'signature-mismatch',
    });
    // The vector is what a parse-and-stringify step produces, and the recorded signature
    // does not survive that step: verification must run on the raw bytes.
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(rawBody.toString('utf8'))), 'utf8');
    expect(verifyWhatsAppSignature({ rawBody: reserialised, headers: header ?? {}, appSecret })).toEqual({ valid: true });
    expect(verifyWhatsAppSignature({ rawBody: reserialised, headers: vectors.header, appSecret })).toMatchObject({ valid: false });
  });

  it('rejects a legacy SHA-1 X-Hub-Signature alone (sha256 required)', () => {
    const { header } = negativeCase('legacy X-Hub-Signature (sha1) only');
    expect(verifyWhatsAppSignature({ rawBody, headers: header ?? {}, appSecret })).toEqual({
      valid: false,
      reason: 'missing-signature',
    });
  });

  it('rejects the recorded signature under the wrong app secret', () => {
    expect(verifyWhatsAppSignature({ rawBody, headers: vectors.header, appSecret: 'another_app_secret' })).toEqual({
      valid: false,
      reason: 'signature-mismatch',
    });
  });

  it('rejects a body changed by one byte', () => {
    const tampered = Buffer.from(rawBody);
    tampered[tampered.length - 2] = 0x20;
    expect(verifyWhatsAppSignature({ rawBody: tampered, headers: vectors.header, appSecret })).toMatchObject({ valid: false });
  });

  it.each([
    ['empty', ''],
    ['prefix only', 'sha256='],
    ['short digest', 'sha256=c284b65c'],
    ['non-hex digest', `sha256=${'z'.repeat(64)}`],
    ['sha1 prefix', 'sha1=be846806b852d6d1c58f4940a7625851a1d563e3'],
  ])('rejects a malformed header (%s)', (_name, value) => {
    expect(verifyWhatsAppSignature({ rawBody, headers: { 'X-Hub-Signature-256': value }, appSecret })).toEqual({
      valid: false,
      reason: 'malformed-signature',
    });
  });

  it('rejects a header sent twice, even if one copy is right', () => {
    const good = vectors.header['X-Hub-Signature-256'] ?? '';
    expect(verifyWhatsAppSignature({ rawBody, headers: { 'x-hub-signature-256': [good, good] }, appSecret })).toEqual({
      valid: false,
      reason: 'malformed-signature',
    });
    expect(
      verifyWhatsAppSignature({ rawBody, headers: { 'X-Hub-Signature-256': good, 'x-hub-signature-256': good }, appSecret }),
    ).toEqual({ valid: false, reason: 'malformed-signature' });
  });

  it('refuses an empty app secret as a configuration error', () => {
    expect(() => verifyWhatsAppSignature({ rawBody, headers: vectors.header, appSecret: '' })).toThrow(TypeError);
  });
});
