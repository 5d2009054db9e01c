import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { contactNotFound } from '../contact-errors.js';
import { applyContactInput, type ContactInput } from '../contact-state.js';
import { ContactWriter } from '../contact-writer.js';
import { ContactRepository, type ContactRecord } from '../contact.repository.js';
import { WorkspaceCountryReader } from '../workspace-country.reader.js';

export interface UpdateContactCommand extends ContactInput {
  readonly workspaceId: string;
  readonly contactId: string;
}

/**
 * Changes a contact: also backs the tag and consent routes. The row is locked while the
 * change is applied, so concurrent edits (a tag added while a name changes) both land.
 */
@Injectable()
export class UpdateContactUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contacts: ContactRepository,
    private readonly writer: ContactWriter,
    private readonly countries: WorkspaceCountryReader,
  ) {}

  async execute(
    { workspaceId, contactId, ...input }: UpdateContactCommand,
    change?: (current: ContactRecord) => ContactInput,
  ): Promise<ContactRecord> {
    const country = input.phone === undefined ? null : await this.countries.find(workspaceId);
    return this.dataSource.transaction(async (tx) => {
      const current = await this.contacts.lockById(tx, { workspaceId, id: contactId });
      if (current === null) throw contactNotFound(contactId);
      const state = applyContactInput(current, change === undefined ? input : change(current), { country, now: new Date() });
      return this.writer.write(tx, { workspaceId, id: current.id, state });
    });
  }
}
