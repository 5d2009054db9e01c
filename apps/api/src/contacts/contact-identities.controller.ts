import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, Principal } from '../auth/auth.decorators.js';
import type { RequestPrincipal } from '../auth/request-principal.js';
import { toIdentity } from './contact-views.js';
import { AddIdentityDto } from './dto/contact-requests.dto.js';
import { ContactIdentityDto } from './dto/contact-responses.dto.js';
import { AddIdentityUseCase } from './use-cases/add-identity.use-case.js';
import { RemoveIdentityUseCase } from './use-cases/remove-identity.use-case.js';

/** How a contact is known on each channel (a WhatsApp number, an email, a Telegram id…). */
@ApiTags('contacts')
@Controller('contacts/:id/identities')
export class ContactIdentitiesController {
  constructor(
    private readonly addIdentity: AddIdentityUseCase,
    private readonly removeIdentity: RemoveIdentityUseCase,
  ) {}

  @Post()
  @Permission('contacts.write')
  @ApiOperation({ summary: 'Add a channel identity. 409 identity_exists (meta.contactId) when another contact has it.' })
  @ApiCreatedResponse({ type: ContactIdentityDto })
  async add(@Principal() principal: RequestPrincipal, @Param('id') id: string, @Body() body: AddIdentityDto): Promise<ContactIdentityDto> {
    return toIdentity(await this.addIdentity.execute({ workspaceId: principal.workspaceId, contactId: id, ...body }));
  }

  @Delete(':identityId')
  @HttpCode(204)
  @Permission('contacts.write')
  @ApiOperation({ summary: 'Remove a channel identity.' })
  @ApiNoContentResponse()
  async remove(@Principal() principal: RequestPrincipal, @Param('id') id: string, @Param('identityId') identityId: string): Promise<void> {
    await this.removeIdentity.execute({ workspaceId: principal.workspaceId, contactId: id, identityId });
  }
}
