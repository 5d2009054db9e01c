import { Module } from '@nestjs/common';
import { ContactIdentitiesController } from './contact-identities.controller.js';
import { ContactIdentityRepository } from './contact-identity.repository.js';
import { ContactPreferencesController } from './contact-preferences.controller.js';
import { ContactWriter } from './contact-writer.js';
import { ContactRepository } from './contact.repository.js';
import { ContactsController } from './contacts.controller.js';
import { GetContactQuery } from './queries/get-contact.query.js';
import { ListContactsQuery } from './queries/list-contacts.query.js';
import { AddIdentityUseCase } from './use-cases/add-identity.use-case.js';
import { CreateContactUseCase } from './use-cases/create-contact.use-case.js';
import { DeleteContactUseCase } from './use-cases/delete-contact.use-case.js';
import { RemoveIdentityUseCase } from './use-cases/remove-identity.use-case.js';
import { UpdateContactUseCase } from './use-cases/update-contact.use-case.js';
import { WorkspaceCountryReader } from './workspace-country.reader.js';

/** Contacts: CRUD and search, channel identities, custom attributes, tags and consent. */
@Module({
  controllers: [ContactsController, ContactIdentitiesController, ContactPreferencesController],
  providers: [
    ContactRepository,
    ContactIdentityRepository,
    ContactWriter,
    WorkspaceCountryReader,
    ListContactsQuery,
    GetContactQuery,
    CreateContactUseCase,
    UpdateContactUseCase,
    DeleteContactUseCase,
    AddIdentityUseCase,
    RemoveIdentityUseCase,
  ],
  exports: [ContactRepository, ContactIdentityRepository, ContactWriter],
})
export class ContactsModule {}
