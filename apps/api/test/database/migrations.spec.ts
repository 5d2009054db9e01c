// The migrations against the entities, on a real PostgreSQL: no drift, reversible, and the
// constraints the application relies on hold.
import type { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../src/database/migrations/index.js';
import { runMigrations } from '../../src/database/run-migrations.js';
import { findSchemaDiff } from '../../src/database/schema-drift.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('migrations', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    ds = db.dataSource;
  });
  afterAll(() => db.drop());

  it('apply in order on an empty database, once', async () => {
    expect(await runMigrations(ds)).toEqual(MIGRATIONS.map((migration) => new migration().name ?? migration.name));
    expect(await runMigrations(ds)).toEqual([]);
  });

  it('leave no drift: the entities need no further change (npm run db:check)', async () => {
    expect(await findSchemaDiff(ds)).toEqual({ up: [], down: [] });
  });

  it('carry workspace_id on every tenant table', async () => {
    const rows = await ds.query<{ table_name: string }[]>(
      `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND c.column_name = 'workspace_id' AND t.table_type = 'BASE TABLE' ORDER BY c.table_name`,
    );
    expect(rows.map((row) => row.table_name)).toEqual([
      'api_keys',
      'contact_identities',
      'contacts',
      'conversations',
      'conversions',
      'external_events',
      'flow_sessions',
      'flow_versions',
      'flows',
      'inbound_events',
      'invitations',
      'memberships',
      'messages',
      'outbox',
      'run_log',
      'session_timers',
      'survey_responses',
    ]);
  });

  describe('constraints', () => {
    let workspaceId: string;
    let userId: string;

    /** Runs an INSERT … RETURNING id and returns the id. */
    async function insert(sql: string, parameters: unknown[] = []): Promise<string> {
      const rows = await ds.query<{ id: string }[]>(sql, parameters);
      return rows[0]!.id;
    }

    beforeAll(async () => {
      workspaceId = await insert(`INSERT INTO workspaces (name, slug) VALUES ('Shop', 'shop') RETURNING id`);
      userId = await insert(`INSERT INTO users (email, password_hash, name) VALUES ('Ana@Example.com', 'x', 'Ana') RETURNING id`);
    });

    it('make user emails unique regardless of case', async () => {
      await expect(ds.query(`INSERT INTO users (email, password_hash, name) VALUES ('ana@example.COM', 'x', 'Ana 2')`)).rejects.toThrow(/uq_users_email_lower/);
    });

    it('allow one membership per (workspace, user), with a known role', async () => {
      await ds.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'owner')`, [workspaceId, userId]);
      await expect(ds.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'admin')`, [workspaceId, userId])).rejects.toThrow(
        /uq_memberships_workspace_id_user_id/,
      );
      await expect(ds.query(`INSERT INTO api_keys (workspace_id, name, prefix, key_hash, role) VALUES ($1, 'k', 'jk_', 'h', 'root')`, [workspaceId])).rejects.toThrow(
        /chk_api_keys_role/,
      );
    });

    it('number flow versions once per flow', async () => {
      const flowId = await insert(`INSERT INTO flows (workspace_id, name, draft) VALUES ($1, 'Cart', '{}') RETURNING id`, [workspaceId]);
      await ds.query(`INSERT INTO flow_versions (workspace_id, flow_id, version, document) VALUES ($1, $2, 1, '{}')`, [workspaceId, flowId]);
      await expect(ds.query(`INSERT INTO flow_versions (workspace_id, flow_id, version, document) VALUES ($1, $2, 1, '{}')`, [workspaceId, flowId])).rejects.toThrow(
        /uq_flow_versions_flow_id_version/,
      );
    });

    it('keep contact phones in E.164 and identities unique per (workspace, channel, external id)', async () => {
      await expect(ds.query(`INSERT INTO contacts (workspace_id, phone) VALUES ($1, '11 91234-5678')`, [workspaceId])).rejects.toThrow(/chk_contacts_phone_e164/);
      const contactId = await insert(`INSERT INTO contacts (workspace_id, name, phone, tags) VALUES ($1, 'Bia Souza', '+5511912345678', '{vip}') RETURNING id`, [
        workspaceId,
      ]);
      await ds.query(`INSERT INTO contact_identities (workspace_id, contact_id, channel, external_id) VALUES ($1, $2, 'whatsapp', '5511912345678')`, [workspaceId, contactId]);
      await expect(
        ds.query(`INSERT INTO contact_identities (workspace_id, contact_id, channel, external_id) VALUES ($1, $2, 'whatsapp', '5511912345678')`, [workspaceId, contactId]),
      ).rejects.toThrow(/uq_contact_identities_workspace_id_channel_external_id/);
      const found = await ds.query<{ id: string }[]>(`SELECT id FROM contacts WHERE workspace_id = $1 AND lower(name) LIKE '%' || lower($2) || '%'`, [workspaceId, 'SOUZA']);
      expect(found).toEqual([{ id: contactId }]);
    });

    it('let the update every inbound message makes to its conversation be HOT: no index holds last_inbound_at or updated_at', async () => {
      const tenant = await insert(`INSERT INTO workspaces (name, slug) VALUES ('Hot', 'hot') RETURNING id`);
      const contactId = await insert(`INSERT INTO contacts (workspace_id, name) VALUES ($1, 'Ana') RETURNING id`, [tenant]);
      const conversationId = await insert(`INSERT INTO conversations (workspace_id, contact_id, channel) VALUES ($1, $2, 'sandbox') RETURNING id`, [tenant, contactId]);
      const hot = await ds.transaction(async (tx) => {
        for (let i = 0; i < 3; i++) await tx.query(`UPDATE conversations SET last_inbound_at = clock_timestamp(), updated_at = clock_timestamp() WHERE id = $1 AND workspace_id = $2`, [conversationId, tenant]);
        return tx.query<{ upd: string; hot: string }[]>(`SELECT n_tup_upd AS upd, n_tup_hot_upd AS hot FROM pg_stat_xact_user_tables WHERE relname = 'conversations'`);
      });
      expect(hot).toEqual([{ upd: '3', hot: '3' }]);
    });

    it("tie messages, outbox rows and run log entries to their parent's workspace, and remove them with it", async () => {
      const other = await insert(`INSERT INTO workspaces (name, slug) VALUES ('Other', 'other') RETURNING id`);
      const tenant = await insert(`INSERT INTO workspaces (name, slug) VALUES ('Tenant', 'tenant') RETURNING id`);
      const contactId = await insert(`INSERT INTO contacts (workspace_id, name) VALUES ($1, 'Caio') RETURNING id`, [tenant]);
      const conversationId = await insert(`INSERT INTO conversations (workspace_id, contact_id, channel) VALUES ($1, $2, 'sandbox') RETURNING id`, [tenant, contactId]);
      const flowId = await insert(`INSERT INTO flows (workspace_id, name, draft) VALUES ($1, 'Echo', '{}') RETURNING id`, [tenant]);
      const sessionId = await insert(
        `INSERT INTO flow_sessions (workspace_id, conversation_id, flow_id, flow_version, state, status, started_at, updated_at) VALUES ($1, $2, $3, 1, '{}', 'active', now(), now()) RETURNING id`,
        [tenant, conversationId, flowId],
      );
      const message = (ws: string) =>
        ds.query(`INSERT INTO messages (workspace_id, conversation_id, channel, direction, kind, content, status) VALUES ($1, $2, 'sandbox', 'in', 'text', '{}', 'delivered')`, [
          ws,
          conversationId,
        ]);
      const outbox = (ws: string, effect: string) =>
        ds.query(`INSERT INTO outbox (workspace_id, session_id, conversation_id, effect_id, type, payload, created_at) VALUES ($1, $2, $3, $4, 'send', '{}', now())`, [ws, sessionId, conversationId, effect]);
      const log = (ws: string) => ds.query(`INSERT INTO run_log (workspace_id, session_id, at, entries) VALUES ($1, $2, now(), '[{"kind": "event", "data": {}}]')`, [ws, sessionId]);

      // Another workspace's id on a row of this conversation or session is refused.
      await expect(message(other)).rejects.toThrow(/fk_messages_conversation_id_workspace_id/);
      await expect(outbox(other, 'e-other')).rejects.toThrow(/fk_outbox_session_id_workspace_id/);
      await expect(log(other)).rejects.toThrow(/fk_run_log_session_id_workspace_id/);
      await message(tenant);
      await outbox(tenant, 'e-tenant');
      await log(tenant);

      await ds.query(`DELETE FROM workspaces WHERE id = $1`, [tenant]);
      const left = await ds.query<{ n: number }[]>(
        `SELECT (SELECT count(*) FROM messages WHERE workspace_id = $1) + (SELECT count(*) FROM outbox WHERE workspace_id = $1) + (SELECT count(*) FROM run_log WHERE workspace_id = $1) AS n`,
        [tenant],
      );
      expect(Number(left[0]?.n)).toBe(0);
    });
  });

  it('catches drift: a schema that differs from the entities is reported', async () => {
    const other = await createTestDatabase();
    try {
      await other.dataSource.query(`ALTER TABLE contacts DROP COLUMN first_name`);
      await other.dataSource.query(`DROP INDEX idx_flows_workspace_id_updated_at`);
      const diff = await findSchemaDiff(other.dataSource);
      expect(diff.up).toEqual(
        expect.arrayContaining([expect.stringMatching(/ALTER TABLE "contacts" ADD "first_name"/), expect.stringMatching(/CREATE INDEX "idx_flows_workspace_id_updated_at"/)]),
      );
    } finally {
      await other.drop();
    }
  });

  it('RunLogStepRows keeps every run log entry: old rows become one-entry steps, and undoing it splits steps back into entries, in order', async () => {
    const other = await createTestDatabase();
    const q = other.dataSource.query.bind(other.dataSource) as (sql: string, parameters?: unknown[]) => Promise<Record<string, unknown>[]>;
    try {
      const [ws] = await q(`INSERT INTO workspaces (name, slug) VALUES ('W', 'w') RETURNING id`);
      const [contact] = await q(`INSERT INTO contacts (workspace_id, name) VALUES ($1, 'Caio') RETURNING id`, [ws?.id]);
      const [conversation] = await q(`INSERT INTO conversations (workspace_id, contact_id, channel) VALUES ($1, $2, 'sandbox') RETURNING id`, [ws?.id, contact?.id]);
      const [flow] = await q(`INSERT INTO flows (workspace_id, name, draft) VALUES ($1, 'Echo', '{}') RETURNING id`, [ws?.id]);
      const [session] = await q(
        `INSERT INTO flow_sessions (workspace_id, conversation_id, flow_id, flow_version, state, status, started_at, updated_at) VALUES ($1, $2, $3, 1, '{}', 'active', now(), now()) RETURNING id`,
        [ws?.id, conversation?.id, flow?.id],
      );
      const scope = [ws?.id, session?.id];
      // Undo RunLogStepRows and the migrations after it; running them again re-applies the same list.
      const later = MIGRATIONS.slice(MIGRATIONS.findIndex((migration) => migration.name === 'RunLogStepRows1796671200000')).map((migration) => migration.name);
      const undo = async () => {
        for (const _ of later) await other.dataSource.undoLastMigration({ transaction: 'each' });
      };
      await undo();
      for (const kind of ['event', 'node', 'send']) {
        await q(`INSERT INTO run_log (workspace_id, session_id, at, kind, data) VALUES ($1, $2, now(), $3, $4)`, [...scope, kind, JSON.stringify({ kind })]);
      }

      expect(await runMigrations(other.dataSource)).toEqual(later);
      expect(await q(`SELECT jsonb_array_length(entries) AS n FROM run_log ORDER BY seq`)).toEqual([{ n: 1 }, { n: 1 }, { n: 1 }]);
      await q(`INSERT INTO run_log (workspace_id, session_id, at, entries) VALUES ($1, $2, now(), '[{"kind": "event", "data": {"n": 1}}, {"kind": "end", "data": {"n": 2}}]')`, scope);
      const entries = await q(`SELECT seq, kind, data FROM run_log_entries WHERE session_id = $1 ORDER BY seq`, [session?.id]);
      expect(entries.map((e) => [e.kind, e.data])).toEqual([
        ['event', { kind: 'event' }],
        ['node', { kind: 'node' }],
        ['send', { kind: 'send' }],
        ['event', { n: 1 }],
        ['end', { n: 2 }],
      ]);
      const seqs = entries.map((e) => Number(e.seq));
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(5);

      await undo();
      expect(await q(`SELECT kind, data FROM run_log WHERE session_id = $1 ORDER BY seq`, [session?.id])).toEqual(entries.map((e) => ({ kind: e.kind, data: e.data })));
      await q(`INSERT INTO run_log (workspace_id, session_id, at, kind, data) VALUES ($1, $2, now(), 'log', '{}')`, scope);
      expect(await runMigrations(other.dataSource)).toEqual(later);
      expect(await q(`SELECT count(*)::int AS n FROM run_log_entries`)).toEqual([{ n: 6 }]);
    } finally {
      await other.drop();
    }
  });

  it('can be undone, down to an empty schema', async () => {
    const other = await createTestDatabase();
    try {
      for (let i = 0; i < MIGRATIONS.length; i++) await other.dataSource.undoLastMigration({ transaction: 'each' });
      const tables = await other.dataSource.query<{ tablename: string }[]>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
      expect(tables).toEqual([{ tablename: 'migrations' }]);
    } finally {
      await other.drop();
    }
  });
});
