import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { applyContactInput, EMPTY_CONTACT, type ContactInput } from '../contact-state.js';
import { ContactWriter } from '../contact-writer.js';
import type { ContactRecord } from '../contact.repository.js';
import { WorkspaceCountryReader } from '../workspace-country.reader.js';

export interface CreateContactCommand extends ContactInput {
  readonly workspaceId: string;
}

/** A new contact; a phone or email another contact of the workspace has is a 409 naming it. */
@Injectable()
export class CreateContactUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: ContactWriter,
    private readonly countries: WorkspaceCountryReader,
  ) {}

  async execute({ workspaceId, ...input }: CreateContactCommand): Promise<ContactRecord> {
    const state = applyContactInput(EMPTY_CONTACT, input, { country: await this.countries.find(workspaceId), now: new Date() });
    return this.dataSource.transaction((tx) => this.writer.write(tx, { workspaceId, state }));
  }
}
