import { Injectable } from '@nestjs/common';
import type { ChannelType, ContactSnapshot, Json, WorkspaceSettings } from '@jornada/flow-engine';
import { ContactRepository } from '../contacts/contact.repository.js';
import type { Queryable } from './runtime-sql.js';

/** What the engine is told about the workspace and the contact when a session starts. */
@Injectable()
export class SessionContextReader {
  constructor(private readonly contacts: ContactRepository) {}

  async workspace(db: Queryable, workspaceId: string): Promise<WorkspaceSettings> {
    const rows = await db.query<{ name: string; timezone: string; locale: string; currency: string; country: string | null; business_hours: unknown }[]>(
      `SELECT name, timezone, locale, currency, country, business_hours FROM workspaces WHERE id = $1`,
      [workspaceId],
    );
    const row = rows[0];
    if (row === undefined) throw new Error(`workspace ${workspaceId} does not exist`);
    return {
      name: row.name,
      timezone: row.timezone,
      locale: row.locale,
      currency: row.currency.trim(),
      country: row.country?.trim() ?? 'US',
      ...(row.business_hours !== null ? { businessHours: row.business_hours as WorkspaceSettings['businessHours'] & object } : {}),
    };
  }

  async contact(db: Queryable, { workspaceId, contactId }: { workspaceId: string; contactId: string }): Promise<ContactSnapshot> {
    const contact = await this.contacts.findById({ workspaceId, id: contactId }, db);
    if (contact === null) throw new Error(`contact ${contactId} does not exist`);
    return {
      id: contact.id,
      ...(contact.name !== null ? { name: contact.name } : {}),
      ...(contact.firstName !== null ? { first_name: contact.firstName } : {}),
      ...(contact.phone !== null ? { phone: contact.phone } : {}),
      ...(contact.email !== null ? { email: contact.email } : {}),
      tags: [...contact.tags],
      attributes: contact.attributes as Record<string, Json>,
    };
  }
}

export function asChannelType(channel: string): ChannelType {
  return channel as ChannelType;
}
