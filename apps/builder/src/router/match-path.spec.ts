import { buildPath, matchPath } from './match-path.js';

describe('matchPath', () => {
  it('matches static segments and captures parameters, decoded', () => {
    expect(matchPath('/flows', '/flows')).toEqual({});
    expect(matchPath('/flows', '/flows/')).toEqual({});
    expect(matchPath('/flows/:id', '/flows/abc-123')).toEqual({ id: 'abc-123' });
    expect(matchPath('/flows/:id/versions', '/flows/a%20b/versions')).toEqual({ id: 'a b' });
  });

  it('refuses other lengths, other segments and empty parameters', () => {
    expect(matchPath('/flows/:id', '/flows')).toBeNull();
    expect(matchPath('/flows/:id', '/flows/1/versions')).toBeNull();
    expect(matchPath('/flows', '/settings')).toBeNull();
    expect(matchPath('/flows/:id', '/flows//')).toBeNull();
  });

  it('captures the rest with a trailing *', () => {
    expect(matchPath('/settings/*', '/settings/members/x')).toEqual({ '*': 'members/x' });
  });

  it('keeps a malformed escape as typed instead of throwing', () => {
    expect(matchPath('/flows/:id', '/flows/%E0%A4%A')).toEqual({ id: '%E0%A4%A' });
  });
});

describe('buildPath', () => {
  it('encodes parameters and refuses missing ones', () => {
    expect(buildPath('/flows/:id/versions', { id: 'a/b c' })).toBe('/flows/a%2Fb%20c/versions');
    expect(() => buildPath('/flows/:id', {})).toThrow('missing parameter id');
  });

  it('round-trips through matchPath', () => {
    const id = 'weird id/ç?#';
    expect(matchPath('/flows/:id', buildPath('/flows/:id', { id }))).toEqual({ id });
  });
});
