// Invitations: created by owners/admins (link token shown once), listed, revoked, and accepted
// by a new person (account created) or a signed-in one; used, expired, revoked links refused.
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { AccountKit, call, PASSWORD, type Person } from '../accounts/account-kit.js';

describe('invitations', () => {
  let api: TestApp;
  let kit: AccountKit;
  let shop: string;
  let owner: Person;
  let admin: Person;
  let editor: Person;

  beforeAll(async () => {
    api = await createTestApp();
    kit = await AccountKit.create(api.database.dataSource);
    shop = await kit.workspace('Loja');
    owner = await kit.person(shop, 'owner');
    admin = await kit.person(shop, 'admin');
    editor = await kit.person(shop, 'editor');
  });
  afterAll(() => api.close());

  const invite = (actor: Person, email: string, role = 'agent'): ReturnType<typeof call> => call(api, 'POST', '/api/invitations', { token: actor.token, body: { email, role } });
  const accept = (body: Record<string, unknown>, token?: string): ReturnType<typeof call> =>
    call(api, 'POST', '/api/invitations/accept', { body, ...(token === undefined ? {} : { token }) });

  it('creates an invitation: the link token once, and a note that no email is sent', async () => {
    const response = await invite(admin, 'bruno@example.com', 'editor');
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toEqual({
      id: expect.any(String),
      email: 'bruno@example.com',
      role: 'editor',
      status: 'pending',
      expiresAt: expect.any(String),
      createdAt: expect.any(String),
      invitedBy: admin.userId,
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      acceptPath: `/accept-invitation#token=${String(response.body.token)}`,
      delivery: 'manual',
    });
    const listed = await call(api, 'GET', '/api/invitations', { token: admin.token });
    expect(listed.body.invitations).toEqual([expect.objectContaining({ id: response.body.id, status: 'pending' })]);
    expect(JSON.stringify(listed.body)).not.toContain(response.body.token);
  });

  it('follows the role rules: admins cannot invite owners, editors cannot invite at all', async () => {
    const asOwner = await invite(admin, 'boss@example.com', 'owner');
    expect(asOwner.status).toBe(403);
    expect(asOwner.body.error.message).toBe('Only an owner can invite an owner.');
    expect((await invite(editor, 'friend@example.com')).status).toBe(403);
    expect((await invite(owner, 'co-owner@example.com', 'owner')).status).toBe(201);
    expect((await invite(owner, 'bad-email', 'owner')).body.error.details[0].field).toBe('email');
  });

  it('refuses to invite a member (409)', async () => {
    const response = await invite(owner, editor.email.toUpperCase());
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('already_member');
  });

  it('creates the account of a new person, signs them in, and the link then is used (409)', async () => {
    const { token } = (await invite(owner, 'carla@example.com', 'agent')).body as { token: string };
    const missing = await accept({ token });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.map((detail: { field: string }) => detail.field)).toEqual(['name', 'password']);
    const weak = await accept({ token, name: 'Carla', password: 'short' });
    expect(weak.body.error.details).toEqual([{ field: 'password', message: expect.stringMatching(/at least 10 characters/) }]);

    const accepted = await accept({ token, name: 'Carla', password: 'carla has a passphrase' });
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get('set-cookie')).toMatch(/^jornada_session=/);
    expect(accepted.body).toMatchObject({ user: { email: 'carla@example.com', name: 'Carla' }, workspace: { id: shop, name: 'Loja', role: 'agent' }, token: expect.any(String) });
    const me = await call(api, 'GET', '/api/workspace', { token: accepted.body.token as string });
    expect(me.body.id).toBe(shop);

    const again = await accept({ token, name: 'Carla', password: 'carla has a passphrase' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invitation_used');
    expect((await call(api, 'GET', '/api/invitations', { token: owner.token })).body.invitations.map((i: { email: string }) => i.email)).not.toContain('carla@example.com');
  });

  it('lets a signed-in person accept an invitation for their email, and no one else', async () => {
    const other = await kit.workspace('Outra');
    const dani = await kit.person(other, 'owner');
    const { token } = (await invite(owner, dani.email.toUpperCase(), 'editor')).body as { token: string };
    // Not signed in: the account exists, so sign in first.
    const anonymous = await accept({ token, name: 'Dani', password: 'whatever passphrase' });
    expect(anonymous.status).toBe(409);
    expect(anonymous.body.error.code).toBe('sign_in_to_accept');
    // Someone else signed in.
    const mismatch = await accept({ token }, editor.token);
    expect(mismatch.status).toBe(403);
    expect(mismatch.body.error.code).toBe('invitation_email_mismatch');

    const accepted = await accept({ token }, dani.token);
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get('set-cookie')).toBeNull();
    expect(accepted.body).toEqual({ user: expect.objectContaining({ id: dani.userId }), workspace: { id: shop, name: 'Loja', role: 'editor' } });
    const login = await call(api, 'POST', '/api/auth/login', { body: { email: dani.email, password: PASSWORD } });
    expect(login.body.workspaces.map((w: { id: string }) => w.id).sort()).toEqual([other, shop].sort());
  });

  it('refuses expired (410), revoked (410) and unknown (404) links with clear messages', async () => {
    const expired = (await invite(owner, 'late@example.com')).body as { id: string; token: string };
    await api.database.dataSource.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [expired.id]);
    expect((await call(api, 'GET', '/api/invitations', { token: owner.token })).body.invitations).toContainEqual(expect.objectContaining({ id: expired.id, status: 'expired' }));
    const late = await accept({ token: expired.token, name: 'Late', password: 'late passphrase here' });
    expect(late.status).toBe(410);
    expect(late.body.error).toMatchObject({ code: 'invitation_expired', message: expect.stringMatching(/expired/) });

    const revoked = (await invite(owner, 'nope@example.com')).body as { id: string; token: string };
    expect((await call(api, 'DELETE', `/api/invitations/${revoked.id}`, { token: admin.token })).status).toBe(204);
    expect((await call(api, 'DELETE', `/api/invitations/${revoked.id}`, { token: admin.token })).status).toBe(204);
    const refused = await accept({ token: revoked.token, name: 'Nope', password: 'nope passphrase here' });
    expect(refused.status).toBe(410);
    expect(refused.body.error.code).toBe('invitation_revoked');

    const unknown = await accept({ token: 'x'.repeat(43), name: 'X', password: 'some passphrase here' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('invitation_not_found');
  });

  it('replaces an open invitation when the same address is invited again', async () => {
    const first = (await invite(owner, 'again@example.com')).body as { token: string };
    const second = (await invite(owner, 'Again@Example.com')).body as { token: string };
    expect((await accept({ token: first.token, name: 'A', password: 'again passphrase here' })).status).toBe(410);
    expect((await accept({ token: second.token, name: 'A', password: 'again passphrase here' })).status).toBe(200);
  });
});
