import { Injectable } from '@nestjs/common';
import { contactNotFound } from '../contact-errors.js';
import { ContactIdentityRepository } from '../contact-identity.repository.js';
import { toContact } from '../contact-views.js';
import { ContactRepository, type ContactRecord } from '../contact.repository.js';
import type { ContactDto } from '../dto/contact-responses.dto.js';

/** One contact of the workspace with its channel identities, or 404. */
@Injectable()
export class GetContactQuery {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly identities: ContactIdentityRepository,
  ) {}

  async execute({ workspaceId, contactId }: { workspaceId: string; contactId: string }): Promise<ContactDto> {
    const contact = await this.contacts.findById({ workspaceId, id: contactId });
    if (contact === null) throw contactNotFound(contactId);
    return this.view(workspaceId, contact);
  }

  /** The full view of a contact just read or written. */
  async view(workspaceId: string, contact: ContactRecord): Promise<ContactDto> {
    return toContact(contact, await this.identities.listForContacts({ workspaceId, contactIds: [contact.id] }));
  }
}
