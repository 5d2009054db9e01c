import fc from 'fast-check';
import { createToken } from './opaque-token.js';
import { SESSION_COOKIE_NAME, clearSessionCookie, readCookie, serializeSessionCookie } from './cookie.js';

/** Any code point, lone surrogates included (fast-check's `unit: 'binary'` costs ~1 s of setup). */
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((codePoint) => String.fromCodePoint(codePoint));

describe('serializeSessionCookie', () => {
  it('writes an HttpOnly, SameSite=Lax, root-path cookie with a lifetime', () => {
    expect(serializeSessionCookie('abc_DEF-123', { secure: false, maxAgeSeconds: 3600 })).toBe(
      'jornada_session=abc_DEF-123; HttpOnly; SameSite=Lax; Path=/; Max-Age=3600',
    );
  });

  it('adds Secure when asked', () => {
    expect(serializeSessionCookie('abc', { secure: true, maxAgeSeconds: 60 })).toBe(
      'jornada_session=abc; HttpOnly; SameSite=Lax; Path=/; Max-Age=60; Secure',
    );
  });

  it.each(['', 'a;b', 'a b', 'a\r\nSet-Cookie: x=y', 'a,b', 'a"b', 'ção'])('refuses an unsafe token %j', (token) => {
    expect(() => serializeSessionCookie(token, { secure: true, maxAgeSeconds: 60 })).toThrow(TypeError);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses Max-Age %p', (maxAgeSeconds) => {
    expect(() => serializeSessionCookie('abc', { secure: true, maxAgeSeconds })).toThrow(RangeError);
  });

  it('round-trips every minted token through readCookie', () => {
    for (let i = 0; i < 50; i += 1) {
      const { token } = createToken();
      const setCookie = serializeSessionCookie(token, { secure: true, maxAgeSeconds: 60 });
      const sent = setCookie.split(';')[0]!; // what a browser sends back
      expect(readCookie(`theme=dark; ${sent}`, SESSION_COOKIE_NAME)).toBe(token);
    }
  });
});

describe('clearSessionCookie', () => {
  it('expires the cookie with the same attributes', () => {
    expect(clearSessionCookie()).toBe(
      'jornada_session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax; Path=/; Max-Age=0',
    );
    expect(clearSessionCookie({ secure: true })).toMatch(/; Max-Age=0; Secure$/);
  });
});

describe('readCookie', () => {
  it.each([
    ['jornada_session=abc', 'abc'],
    ['a=1; jornada_session=abc; b=2', 'abc'],
    ['a=1;jornada_session=abc;b=2', 'abc'],
    ['  jornada_session =  abc  ', 'abc'],
    ['jornada_session="abc"', 'abc'],
    ['jornada_session=a%20b', 'a b'],
    ['jornada_session=a%ZZb', 'a%ZZb'],
    ['jornada_session=abc=def', 'abc=def'],
    ['jornada_session=', ''],
    ['jornada_session=first; jornada_session=second', 'first'],
    [';;garbage; =x; jornada_session=abc', 'abc'],
  ])('reads %j', (header, value) => {
    expect(readCookie(header, 'jornada_session')).toBe(value);
  });

  it.each([
    [undefined],
    [null],
    [''],
    ['other=1'],
    ['xjornada_session=abc'],
    ['jornada_sessionx=abc'],
    ['jornada_session'],
    ['JORNADA_SESSION=abc'],
  ])('finds nothing in %j', (header) => {
    expect(readCookie(header, 'jornada_session')).toBeUndefined();
  });

  it('refuses names that are not cookie names', () => {
    expect(readCookie('a b=1', 'a b')).toBeUndefined();
    expect(readCookie('=1', '')).toBeUndefined();
    expect(readCookie('a=1', undefined as unknown as string)).toBeUndefined();
  });

  it('never throws on arbitrary headers, and finds a cookie placed among arbitrary others', () => {
    const otherPair = fc
      .tuple(fc.string({ unit: fc.constantFrom(...'abcxyz_'), minLength: 1, maxLength: 8 }), fc.string({ maxLength: 20 }))
      .filter(([name]) => name !== 'sid')
      .map(([name, value]) => `${name}=${value.replace(/;/g, '')}`);
    fc.assert(
      fc.property(fc.string({ unit: anyCodePoint }), fc.string(), (header, name) => {
        const value = readCookie(header, name);
        expect(value === undefined || typeof value === 'string').toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.array(otherPair, { maxLength: 5 }), fc.array(otherPair, { maxLength: 5 }), (before, after) => {
        const { token } = createToken();
        const header = [...before, `sid=${token}`, ...after].join('; ');
        expect(readCookie(header, 'sid')).toBe(token);
      }),
    );
  });
});
