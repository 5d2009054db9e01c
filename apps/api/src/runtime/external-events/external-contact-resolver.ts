import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { firstNameOf, normalizeName } from '../../contacts/contact-fields.js';
import { EMPTY_CONTACT } from '../../contacts/contact-state.js';
import { ContactWriter } from '../../contacts/contact-writer.js';
import { ContactRepository } from '../../contacts/contact.repository.js';
import type { ExternalEventContact } from './external-event.repository.js';

/** The contact attribute that holds the caller's own customer id (`contact.externalId`). */
export const EXTERNAL_ID_ATTRIBUTE = 'external_id';

/**
 * The contact an external event is about: the live contact with its phone or email, else the
 * one whose `external_id` attribute is the caller's customer id, else a new contact. Runs in
 * its own short transaction before the routing one (holding the contacts' value locks, so two
 * events about a new customer create one contact); re-running it finds the contact it made.
 */
@Injectable()
export class ExternalContactResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contacts: ContactRepository,
    private readonly writer: ContactWriter,
  ) {}

  async resolve(workspaceId: string, contact: ExternalEventContact): Promise<string> {
    return this.dataSource.transaction(async (tx) => {
      const phone = contact.phone ?? null;
      const email = contact.email ?? null;
      await this.contacts.lockValues(tx, { workspaceId, phone, email });
      const owner = await this.contacts.findOwnerOf(tx, { workspaceId, phone, email });
      if (owner !== null) return owner.id;
      if (contact.externalId !== undefined) {
        await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`contacts:${workspaceId}:external:${contact.externalId}`]);
        const rows = await tx.query<{ id: string }[]>(
          `SELECT id FROM contacts WHERE workspace_id = $1 AND deleted_at IS NULL AND attributes->>'${EXTERNAL_ID_ATTRIBUTE}' = $2 ORDER BY created_at LIMIT 1`,
          [workspaceId, contact.externalId],
        );
        if (rows[0] !== undefined) return rows[0].id;
      }
      const name = contact.name === undefined ? null : normalizeName(contact.name.slice(0, 200));
      const attributes = contact.externalId === undefined ? {} : { [EXTERNAL_ID_ATTRIBUTE]: contact.externalId };
      return (await this.writer.write(tx, { workspaceId, state: { ...EMPTY_CONTACT, name, firstName: firstNameOf(name), phone, email, attributes } })).id;
    });
  }
}
