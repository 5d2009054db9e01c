import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, Principal } from '../auth/auth.decorators.js';
import type { RequestPrincipal } from '../auth/request-principal.js';
import { CreateContactDto, ListContactsQueryDto, UpdateContactDto } from './dto/contact-requests.dto.js';
import { ContactDto, ContactPageDto } from './dto/contact-responses.dto.js';
import { GetContactQuery } from './queries/get-contact.query.js';
import { ListContactsQuery } from './queries/list-contacts.query.js';
import { CreateContactUseCase } from './use-cases/create-contact.use-case.js';
import { DeleteContactUseCase } from './use-cases/delete-contact.use-case.js';
import { UpdateContactUseCase } from './use-cases/update-contact.use-case.js';

/** Customers of the workspace. Agents may look them up; editors and up change them. */
@ApiTags('contacts')
@Controller('contacts')
export class ContactsController {
  constructor(
    private readonly listContacts: ListContactsQuery,
    private readonly getContact: GetContactQuery,
    private readonly createContact: CreateContactUseCase,
    private readonly updateContact: UpdateContactUseCase,
    private readonly deleteContact: DeleteContactUseCase,
  ) {}

  @Get()
  @Permission('contacts.read')
  @ApiOperation({ summary: 'Search contacts by name, email or phone; filter by tags and consent (cursor pagination).' })
  @ApiOkResponse({ type: ContactPageDto })
  list(@Principal() principal: RequestPrincipal, @Query() query: ListContactsQueryDto): Promise<ContactPageDto> {
    return this.listContacts.execute({ workspaceId: principal.workspaceId, ...query });
  }

  @Post()
  @Permission('contacts.write')
  @ApiOperation({ summary: 'Create a contact. 409 contact_exists (meta.contactId) when another has the phone or email.' })
  @ApiCreatedResponse({ type: ContactDto })
  async create(@Principal() principal: RequestPrincipal, @Body() body: CreateContactDto): Promise<ContactDto> {
    return this.getContact.view(principal.workspaceId, await this.createContact.execute({ workspaceId: principal.workspaceId, ...body }));
  }

  @Get(':id')
  @Permission('contacts.read')
  @ApiOperation({ summary: 'A contact with its channel identities.' })
  @ApiOkResponse({ type: ContactDto })
  get(@Principal() principal: RequestPrincipal, @Param('id') id: string): Promise<ContactDto> {
    return this.getContact.execute({ workspaceId: principal.workspaceId, contactId: id });
  }

  @Patch(':id')
  @Permission('contacts.write')
  @ApiOperation({ summary: 'Change a contact: null clears name/email/phone; attributes are merged (null removes one).' })
  @ApiOkResponse({ type: ContactDto })
  async update(@Principal() principal: RequestPrincipal, @Param('id') id: string, @Body() body: UpdateContactDto): Promise<ContactDto> {
    return this.getContact.view(principal.workspaceId, await this.updateContact.execute({ workspaceId: principal.workspaceId, contactId: id, ...body }));
  }

  @Delete(':id')
  @HttpCode(204)
  @Permission('contacts.write')
  @ApiOperation({ summary: 'Delete a contact (soft); its channel identities are released.' })
  @ApiNoContentResponse()
  async delete(@Principal() principal: RequestPrincipal, @Param('id') id: string): Promise<void> {
    await this.deleteContact.execute({ workspaceId: principal.workspaceId, contactId: id });
  }
}
