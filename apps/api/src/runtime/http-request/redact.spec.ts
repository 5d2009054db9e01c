import { isSecretHeader, redactHeaders, redactUrl } from './redact.js';

describe('redaction', () => {
  it('hides credential headers and keeps the rest', () => {
    expect(
      redactHeaders({ Authorization: 'Bearer s3cret', cookie: 'sid=1', 'X-Api-Key': 'k', 'X-Shopify-Access-Token': 't', 'X-Auth': 'a', 'X-Hub-Signature-256': 'sha256=x', 'Content-Type': 'application/json', 'X-Order': '42' }),
    ).toEqual({
      Authorization: '[redacted]',
      cookie: '[redacted]',
      'X-Api-Key': '[redacted]',
      'X-Shopify-Access-Token': '[redacted]',
      'X-Auth': '[redacted]',
      'X-Hub-Signature-256': '[redacted]',
      'Content-Type': 'application/json',
      'X-Order': '42',
    });
    expect(isSecretHeader('accept-encoding')).toBe(false);
    // Not a credential, and it must follow a redirect for retries to stay safe.
    expect(isSecretHeader('Idempotency-Key')).toBe(false);
  });

  it('hides user info and credential-like query values in URLs', () => {
    expect(redactUrl('https://u:p@api.example.com/x?access_token=abc&order=7&api_key=k&sig=s&code=c')).toBe(
      'https://REDACTED:REDACTED@api.example.com/x?access_token=REDACTED&order=7&api_key=REDACTED&sig=REDACTED&code=REDACTED',
    );
    expect(redactUrl('https://api.example.com/orders/7')).toBe('https://api.example.com/orders/7');
    expect(redactUrl('::not a url with secret::')).toBe('(not a URL, 25 characters)');
  });
});
