import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JOURNEY_TEMPLATES, hasErrors, lint } from '@jornada/flow-engine';
import type { Logger } from 'pino';
import { DataSource, type EntityManager } from 'typeorm';
import { BootstrapFirstOwnerUseCase } from '../accounts/setup/bootstrap-first-owner.use-case.js';
import { APP_CONFIG, ROOT_LOGGER, type AppConfig } from '../config/app-config.js';
import { ContactIdentityRepository } from '../contacts/contact-identity.repository.js';
import { applyContactInput, EMPTY_CONTACT } from '../contacts/contact-state.js';
import { ContactRepository } from '../contacts/contact.repository.js';
import { templateDocument, toStoredDocument } from '../flows/flow-document.js';
import { FlowVersionRepository } from '../flows/flow-version.repository.js';
import { FlowRepository } from '../flows/flow.repository.js';
import { DEMO_CONTACTS, DEMO_WORKSPACE } from './demo-workspace.js';

/** Held while seeding, so two processes starting at once on an empty database seed once. */
const SEED_LOCK = 'jornada:seed-demo';

export interface SeedResult {
  readonly workspaceId: string;
  readonly flows: number;
  readonly contacts: number;
  /** The first owner, when one existed already (ADMIN_EMAIL at this start) and took the workspace. */
  readonly ownerUserId?: string;
}

/**
 * On the first start (no workspace at all) and unless SEED_DEMO=false: a "Demo" workspace
 * with the three journey templates published as version 1 and a few sample contacts, in one
 * transaction (all or nothing). The workspace is created without members: the first owner
 * adopts it, whether they sign up later or were created from ADMIN_EMAIL earlier in this same
 * start (then it is handed over right after seeding). Any later start finds a workspace and
 * does nothing.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    private readonly dataSource: DataSource,
    private readonly flows: FlowRepository,
    private readonly versions: FlowVersionRepository,
    private readonly contacts: ContactRepository,
    private readonly identities: ContactIdentityRepository,
    private readonly firstOwner: BootstrapFirstOwnerUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    const seeded = await this.seed();
    if (seeded !== null) {
      const owner = seeded.ownerUserId === undefined ? 'no members yet: the first owner adopts it' : 'handed to the first owner';
      this.logger.info(seeded, `Seeded the demo workspace: ${String(seeded.flows)} published flows, ${String(seeded.contacts)} contacts, ${owner} (SEED_DEMO=false turns this off)`);
    }
  }

  /** Seeds when the database has no workspace, then offers it to an existing first owner; null when there was a workspace. */
  async seed(): Promise<SeedResult | null> {
    const seeded = await this.seedIfEmpty();
    if (seeded === null) return null;
    const adoption = await this.firstOwner.adoptOrphanWorkspace(seeded.workspaceId);
    return adoption.ownerUserId === undefined ? seeded : { ...seeded, ownerUserId: adoption.ownerUserId };
  }

  /** Seeds when the database has no workspace; null when it already had one. */
  seedIfEmpty(): Promise<SeedResult | null> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [SEED_LOCK]);
      const [{ found } = { found: true }] = await tx.query<{ found: boolean }[]>(`SELECT EXISTS (SELECT 1 FROM workspaces) AS found`);
      if (found) return null;
      const workspaceId = await this.insertWorkspace(tx);
      const flows = await this.publishTemplates(tx, workspaceId);
      const contacts = await this.insertContacts(tx, workspaceId);
      return { workspaceId, flows, contacts };
    });
  }

  private async insertWorkspace(tx: EntityManager): Promise<string> {
    const w = DEMO_WORKSPACE;
    const rows = await tx.query<{ id: string }[]>(
      `INSERT INTO workspaces (name, slug, locale, timezone, currency, country, business_hours) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING id`,
      [w.name, w.slug, w.locale, w.timezone, w.currency, w.country, JSON.stringify(w.businessHours)],
    );
    return (rows[0] as { id: string }).id;
  }

  private async publishTemplates(tx: EntityManager, workspaceId: string): Promise<number> {
    for (const template of JOURNEY_TEMPLATES) {
      const document = templateDocument(template, 'pt-BR');
      // The templates are lint-clean by contract (engine tests); never publish one that is not.
      if (hasErrors(lint(document))) throw new Error(`Journey template ${template.id} has lint errors; not seeding it`);
      const flow = await this.flows.insert({ workspaceId, name: document.name, description: document.description ?? '', draft: toStoredDocument(document) }, tx);
      const { version } = await this.versions.insertNext(tx, { workspaceId, flowId: flow.id, document: toStoredDocument(document), publishedBy: undefined });
      await this.flows.markPublished(tx, { workspaceId, id: flow.id, version });
    }
    return JOURNEY_TEMPLATES.length;
  }

  private async insertContacts(tx: EntityManager, workspaceId: string): Promise<number> {
    const now = new Date();
    for (const { identities, ...input } of DEMO_CONTACTS) {
      const state = applyContactInput(EMPTY_CONTACT, input, { country: DEMO_WORKSPACE.country, now });
      const contact = await this.contacts.insert(tx, { workspaceId, state });
      for (const identity of identities) await this.identities.insert({ workspaceId, contactId: contact.id, ...identity }, tx);
    }
    return DEMO_CONTACTS.length;
  }
}
