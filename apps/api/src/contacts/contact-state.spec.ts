import { applyContactInput, EMPTY_CONTACT } from './contact-state.js';

const now = new Date('2026-11-22T12:00:00Z');
const later = new Date('2026-11-23T12:00:00Z');

describe('applyContactInput', () => {
  it('keeps what is not given, clears what is null, merges attributes', () => {
    const created = applyContactInput(EMPTY_CONTACT, { name: 'Ana Souza', email: 'ANA@x.com', attributes: { a: 1, b: 2 }, tags: ['x'] }, { country: 'BR', now });
    expect(created).toMatchObject({ name: 'Ana Souza', firstName: 'Ana', email: 'ana@x.com', phone: null, attributes: { a: 1, b: 2 }, tags: ['x'], optInStatus: 'unknown' });
    const updated = applyContactInput(created, { email: null, attributes: { a: null, c: 3 } }, { country: 'BR', now });
    expect(updated).toMatchObject({ name: 'Ana Souza', email: null, attributes: { b: 2, c: 3 }, tags: ['x'] });
  });

  it('stamps consent changes and keeps the first time of a repeated one', () => {
    const optedIn = applyContactInput(EMPTY_CONTACT, { optIn: true }, { country: null, now });
    expect(optedIn).toMatchObject({ optInStatus: 'subscribed', optedInAt: now, optedOutAt: null });
    expect(applyContactInput(optedIn, { optIn: true }, { country: null, now: later }).optedInAt).toEqual(now);
    const optedOut = applyContactInput(optedIn, { optIn: false }, { country: null, now: later });
    expect(optedOut).toMatchObject({ optInStatus: 'unsubscribed', optedInAt: now, optedOutAt: later });
  });
});
