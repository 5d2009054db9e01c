import { Injectable } from '@nestjs/common';
import { contactNotFound, identityNotFound } from '../contact-errors.js';
import { ContactIdentityRepository } from '../contact-identity.repository.js';
import { ContactRepository } from '../contact.repository.js';

/** Forgets how the contact is known on one channel. */
@Injectable()
export class RemoveIdentityUseCase {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly identities: ContactIdentityRepository,
  ) {}

  async execute({ workspaceId, contactId, identityId }: { workspaceId: string; contactId: string; identityId: string }): Promise<void> {
    if (await this.identities.delete({ workspaceId, contactId, id: identityId })) return;
    throw (await this.contacts.findById({ workspaceId, id: contactId })) === null ? contactNotFound(contactId) : identityNotFound(identityId);
  }
}
