import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, Principal } from '../auth/auth.decorators.js';
import type { RequestPrincipal } from '../auth/request-principal.js';
import { TagsDto } from './dto/contact-requests.dto.js';
import { ContactDto } from './dto/contact-responses.dto.js';
import { GetContactQuery } from './queries/get-contact.query.js';
import { UpdateContactUseCase } from './use-cases/update-contact.use-case.js';

/** Tags and consent: small changes applied to the locked row, so concurrent ones all land. */
@ApiTags('contacts')
@Controller('contacts/:id')
export class ContactPreferencesController {
  constructor(
    private readonly updateContact: UpdateContactUseCase,
    private readonly getContact: GetContactQuery,
  ) {}

  @Post('tags')
  @HttpCode(200)
  @Permission('contacts.write')
  @ApiOperation({ summary: 'Add tags (those already there are kept once).' })
  @ApiOkResponse({ type: ContactDto })
  addTags(@Principal() principal: RequestPrincipal, @Param('id') id: string, @Body() body: TagsDto): Promise<ContactDto> {
    return this.change(principal, id, (current) => ({ tags: [...current.tags, ...body.tags] }));
  }

  @Delete('tags/:tag')
  @Permission('contacts.write')
  @ApiOperation({ summary: 'Remove a tag (no error if the contact does not have it).' })
  @ApiOkResponse({ type: ContactDto })
  removeTag(@Principal() principal: RequestPrincipal, @Param('id') id: string, @Param('tag') tag: string): Promise<ContactDto> {
    const removed = tag.normalize('NFC').trim();
    return this.change(principal, id, (current) => ({ tags: current.tags.filter((existing) => existing !== removed) }));
  }

  @Post('opt-in')
  @HttpCode(200)
  @Permission('contacts.write')
  @ApiOperation({ summary: 'Record that the contact opted in (status subscribed, with the time).' })
  @ApiOkResponse({ type: ContactDto })
  optIn(@Principal() principal: RequestPrincipal, @Param('id') id: string): Promise<ContactDto> {
    return this.change(principal, id, () => ({ optIn: true }));
  }

  @Post('opt-out')
  @HttpCode(200)
  @Permission('contacts.write')
  @ApiOperation({ summary: 'Record that the contact opted out (status unsubscribed, with the time).' })
  @ApiOkResponse({ type: ContactDto })
  optOut(@Principal() principal: RequestPrincipal, @Param('id') id: string): Promise<ContactDto> {
    return this.change(principal, id, () => ({ optIn: false }));
  }

  private async change(principal: RequestPrincipal, id: string, change: Parameters<UpdateContactUseCase['execute']>[1]): Promise<ContactDto> {
    return this.getContact.view(principal.workspaceId, await this.updateContact.execute({ workspaceId: principal.workspaceId, contactId: id }, change));
  }
}
