import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { invalidField, parseEmailField, parsePhoneField } from '../contacts/contact-fields.js';
import type { ExternalEventContact } from '../runtime/external-events/external-event.repository.js';
import { RecordExternalEventUseCase } from '../runtime/external-events/record-external-event.use-case.js';
import type { EventContactDto } from './post-event.dto.js';

export interface ReceiveEventCommand {
  readonly workspaceId: string;
  readonly name: string;
  readonly id: string;
  readonly contact: EventContactDto;
  readonly data: Record<string, unknown>;
}

/** The edge of POST /api/events: the contact's phone and email in stored form (400 naming the field), then stored and enqueued. */
@Injectable()
export class ReceiveEventUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly record: RecordExternalEventUseCase,
  ) {}

  async execute({ workspaceId, name, id, contact, data }: ReceiveEventCommand): Promise<{ eventId: string; duplicate: boolean }> {
    return this.record.execute({ workspaceId, name, externalId: id, contact: await this.normalize(workspaceId, contact), data });
  }

  private async normalize(workspaceId: string, contact: EventContactDto): Promise<ExternalEventContact> {
    const phone = blank(contact.phone) ? undefined : parsePhoneField(contact.phone as string, await this.country(workspaceId), 'contact.phone');
    const email = blank(contact.email) ? undefined : parseEmailField(contact.email as string, 'contact.email');
    const externalId = contact.externalId?.trim();
    if (phone === undefined && email === undefined && (externalId === undefined || externalId === '')) {
      throw invalidField('contact', 'contact needs a phone, an email or an externalId');
    }
    const name = contact.name?.trim();
    return { ...(phone !== undefined ? { phone } : {}), ...(email !== undefined ? { email } : {}), ...(externalId ? { externalId } : {}), ...(name ? { name } : {}) };
  }

  private async country(workspaceId: string): Promise<string | null> {
    const rows = await this.dataSource.query<{ country: string | null }[]>(`SELECT country FROM workspaces WHERE id = $1`, [workspaceId]);
    return rows[0]?.country?.trim() ?? null;
  }
}

function blank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}
