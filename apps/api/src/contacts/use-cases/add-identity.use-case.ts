import { Injectable } from '@nestjs/common';
import { contactNotFound, identityTaken } from '../contact-errors.js';
import { parseExternalId, type IdentityChannel } from '../contact-fields.js';
import { ContactIdentityRepository, type ContactIdentityRecord } from '../contact-identity.repository.js';
import { ContactRepository } from '../contact.repository.js';
import { WorkspaceCountryReader } from '../workspace-country.reader.js';

export interface AddIdentityCommand {
  readonly workspaceId: string;
  readonly contactId: string;
  readonly channel: IdentityChannel;
  readonly externalId: string;
}

/**
 * How the contact is known on a channel. (workspace, channel, external id) is unique: inbound
 * messages find their contact by it, so a taken one is a 409 naming the contact that has it.
 */
@Injectable()
export class AddIdentityUseCase {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly identities: ContactIdentityRepository,
    private readonly countries: WorkspaceCountryReader,
  ) {}

  async execute(command: AddIdentityCommand): Promise<ContactIdentityRecord> {
    const contact = await this.contacts.findById({ workspaceId: command.workspaceId, id: command.contactId });
    if (contact === null) throw contactNotFound(command.contactId);
    const externalId = parseExternalId(command.channel, command.externalId, await this.countries.find(command.workspaceId));
    const identity = { workspaceId: command.workspaceId, channel: command.channel, externalId };
    const added = await this.identities.insert({ ...identity, contactId: contact.id });
    if (added !== null) return added;
    const existing = await this.identities.findByExternalId(identity);
    if (existing !== null) throw identityTaken({ channel: command.channel, externalId, contactId: existing.contactId, identityId: existing.id });
    // Freed between the insert and the read (its contact was deleted): now it can be added.
    const retried = await this.identities.insert({ ...identity, contactId: contact.id });
    if (retried === null) throw identityTaken({ channel: command.channel, externalId, contactId: 'another contact', identityId: '' });
    return retried;
  }
}
