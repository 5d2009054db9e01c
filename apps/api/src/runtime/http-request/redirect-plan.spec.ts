import { isFollowedRedirect, planRedirect, type RedirectPlan } from './redirect-plan.js';
import type { Hop } from './send-hop.js';

const post: Hop = {
  url: new URL('https://api.example.com/orders'),
  method: 'POST',
  headers: { authorization: 'Bearer t', 'x-api-key': 'k', 'content-type': 'application/json', accept: 'application/json', 'x-order': '7' },
  body: Buffer.from('{"a":1}'),
};

function next(plan: RedirectPlan): Hop {
  if (!plan.ok) throw new Error(plan.message);
  return plan.hop;
}

describe('planRedirect', () => {
  it('follows only 301, 302, 303, 307 and 308 with a Location', () => {
    expect([301, 302, 303, 307, 308].every((status) => isFollowedRedirect(status, { location: '/x' }))).toBe(true);
    expect(isFollowedRedirect(300, { location: '/x' })).toBe(false);
    expect(isFollowedRedirect(304, { location: '/x' })).toBe(false);
    expect(isFollowedRedirect(302, {})).toBe(false);
  });

  it('resolves relative locations and keeps method, body and headers on the same origin with 307/308', () => {
    const hop = next(planRedirect({ hop: post, status: 307, location: '/v2/orders', redirects: 0, maxRedirects: 5 }));
    expect(hop.url.href).toBe('https://api.example.com/v2/orders');
    expect(hop.method).toBe('POST');
    expect(hop.body?.toString()).toBe('{"a":1}');
    expect(hop.headers).toEqual(post.headers);
  });

  it('turns 303 (and 301/302 after a POST) into a GET without body or body headers', () => {
    for (const status of [301, 302, 303]) {
      const hop = next(planRedirect({ hop: post, status, location: '/done', redirects: 0, maxRedirects: 5 }));
      expect(hop).toMatchObject({ method: 'GET', body: undefined });
      expect(hop.headers['content-type']).toBeUndefined();
      expect(hop.headers.authorization).toBe('Bearer t');
    }
    const put: Hop = { ...post, method: 'PUT' };
    expect(next(planRedirect({ hop: put, status: 302, location: '/x', redirects: 0, maxRedirects: 5 })).method).toBe('PUT');
  });

  it('does not carry credential headers to another origin', () => {
    const hop = next(planRedirect({ hop: post, status: 308, location: 'https://cdn.example.net/orders', redirects: 0, maxRedirects: 5 }));
    expect(hop.headers).toEqual({ 'content-type': 'application/json', accept: 'application/json', 'x-order': '7' });
    const otherPort = next(planRedirect({ hop: post, status: 308, location: 'https://api.example.com:8443/orders', redirects: 0, maxRedirects: 5 }));
    expect(otherPort.headers.authorization).toBeUndefined();
  });

  it('refuses a downgrade from https to http, bad targets and long chains', () => {
    expect(planRedirect({ hop: post, status: 302, location: 'http://api.example.com/orders', redirects: 0, maxRedirects: 5 })).toEqual({
      ok: false,
      code: 'insecure_redirect',
      message: 'Refused a redirect from https to plain http (http://api.example.com/orders).',
    });
    const plain: Hop = { ...post, url: new URL('http://api.example.com/') };
    expect(next(planRedirect({ hop: plain, status: 302, location: 'https://api.example.com/', redirects: 0, maxRedirects: 5 })).url.protocol).toBe('https:');
    expect(planRedirect({ hop: post, status: 302, location: 'file:///etc/passwd', redirects: 0, maxRedirects: 5 })).toMatchObject({ ok: false, code: 'invalid_url' });
    expect(planRedirect({ hop: post, status: 302, location: 'https://u:p@evil.example/', redirects: 0, maxRedirects: 5 })).toMatchObject({ ok: false, code: 'invalid_url' });
    expect(planRedirect({ hop: post, status: 302, location: 'http://[::1', redirects: 0, maxRedirects: 5 })).toMatchObject({ ok: false, code: 'invalid_response' });
    expect(planRedirect({ hop: post, status: 302, location: '/x', redirects: 5, maxRedirects: 5 })).toEqual({ ok: false, code: 'too_many_redirects', message: 'Stopped after 5 redirects.' });
  });
});
