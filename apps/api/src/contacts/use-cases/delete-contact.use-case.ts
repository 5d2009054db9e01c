import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { contactNotFound } from '../contact-errors.js';
import { ContactIdentityRepository } from '../contact-identity.repository.js';
import { ContactRepository } from '../contact.repository.js';

/**
 * Soft-deletes a contact and frees its channel identities (hard delete), so the same phone or
 * provider id can belong to a new contact; its phone and email are free again too.
 */
@Injectable()
export class DeleteContactUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contacts: ContactRepository,
    private readonly identities: ContactIdentityRepository,
  ) {}

  async execute({ workspaceId, contactId }: { workspaceId: string; contactId: string }): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      if (!(await this.contacts.softDelete(tx, { workspaceId, id: contactId }))) throw contactNotFound(contactId);
      await this.identities.deleteForContact(tx, { workspaceId, contactId });
    });
  }
}
