import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { contactExists } from './contact-errors.js';
import { ContactRepository, type ContactRecord, type ContactState } from './contact.repository.js';

/**
 * Writes a contact's new state inside the caller's transaction, holding the locks on its phone
 * and email first, so two contacts of one workspace never end up with the same phone or email
 * (409 contact_exists naming the contact that has it).
 */
@Injectable()
export class ContactWriter {
  constructor(private readonly contacts: ContactRepository) {}

  async write(tx: EntityManager, { workspaceId, id, state }: { workspaceId: string; id?: string; state: ContactState }): Promise<ContactRecord> {
    await this.contacts.lockValues(tx, { workspaceId, phone: state.phone, email: state.email });
    const owner = await this.contacts.findOwnerOf(tx, { workspaceId, phone: state.phone, email: state.email, ...(id === undefined ? {} : { exceptId: id }) });
    if (owner !== null) throw contactExists({ field: owner.field, contactId: owner.id });
    return id === undefined ? this.contacts.insert(tx, { workspaceId, state }) : this.contacts.update(tx, { workspaceId, id, state });
  }
}
