import { readCredential, readWorkspaceHeader } from './read-credential.js';

describe('readCredential', () => {
  const token = 'a'.repeat(43);
  const key = 'jrn_abcdefgh_' + 'b'.repeat(43);

  it('reads a bearer session token, a bearer API key and X-Api-Key', () => {
    expect(readCredential({ authorization: `Bearer ${token}` })).toEqual({ kind: 'session', token, source: 'bearer' });
    expect(readCredential({ authorization: `bearer  ${key} ` })).toEqual({ kind: 'api_key', key });
    expect(readCredential({ 'x-api-key': key })).toEqual({ kind: 'api_key', key });
  });

  it('reads the session cookie when no header is sent', () => {
    expect(readCredential({ cookie: `theme=dark; jornada_session=${token}` })).toEqual({ kind: 'session', token, source: 'cookie' });
    expect(readCredential({ cookie: 'theme=dark' })).toBeNull();
    expect(readCredential({})).toBeNull();
  });

  it('prefers explicit headers to the cookie, and never falls back from a bad Authorization header', () => {
    expect(readCredential({ 'x-api-key': key, cookie: `jornada_session=${token}` })).toEqual({ kind: 'api_key', key });
    expect(readCredential({ authorization: `Basic dXNlcjpwYXNz`, cookie: `jornada_session=${token}` })).toEqual({ kind: 'malformed' });
    expect(readCredential({ authorization: `Bearer ${'x'.repeat(1000)}` })).toEqual({ kind: 'malformed' });
    expect(readCredential({ authorization: 'Bearer a b' })).toEqual({ kind: 'malformed' });
  });
});

describe('readWorkspaceHeader', () => {
  it('reads X-Workspace-Id, ignoring blanks', () => {
    expect(readWorkspaceHeader({ 'x-workspace-id': ' 5d1c… ' })).toBe('5d1c…');
    expect(readWorkspaceHeader({ 'x-workspace-id': '' })).toBeUndefined();
    expect(readWorkspaceHeader({})).toBeUndefined();
  });
});
