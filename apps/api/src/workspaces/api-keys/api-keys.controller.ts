import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, Principal } from '../../auth/auth.decorators.js';
import type { RequestPrincipal } from '../../auth/request-principal.js';
import { notFound } from '../shared/not-found.js';
import { UuidParamPipe } from '../shared/uuid.js';
import { ApiWorkspaceScoped } from '../shared/workspace-header.js';
import { ApiKeysDto, CreateApiKeyDto, CreatedApiKeyDto } from './api-key.dto.js';
import { ApiKeyRepository } from './api-key.repository.js';
import { toApiKeyDto } from './api-key-view.js';
import { CreateApiKeyUseCase } from './create-api-key.use-case.js';

/** API keys of the current workspace, for server-to-server calls (owner, admin). */
@ApiTags('api-keys')
@ApiWorkspaceScoped()
@Permission('api_keys.manage')
@Controller('api-keys')
export class ApiKeysController {
  constructor(
    private readonly apiKeys: ApiKeyRepository,
    private readonly createApiKey: CreateApiKeyUseCase,
  ) {}

  @Post()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Create an API key (role admin, editor or agent; default editor). The key is shown once.' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  async create(@Principal() principal: RequestPrincipal, @Body() body: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    const { apiKey, key } = await this.createApiKey.execute({ actor: principal, name: body.name, role: body.role ?? 'editor' });
    return { ...toApiKeyDto(apiKey), key };
  }

  @Get()
  @ApiOperation({ summary: 'Active API keys: prefix, name, role, dates. Never the key itself.' })
  @ApiOkResponse({ type: ApiKeysDto })
  async list(@Principal() principal: RequestPrincipal): Promise<ApiKeysDto> {
    return { apiKeys: (await this.apiKeys.listActive(principal.workspaceId)).map(toApiKeyDto) };
  }

  @Delete(':apiKeyId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key: it stops working at once (401).' })
  @ApiNoContentResponse({ description: 'Revoked.' })
  async revoke(@Principal() principal: RequestPrincipal, @Param('apiKeyId', UuidParamPipe) apiKeyId: string): Promise<void> {
    if (!(await this.apiKeys.revoke(principal.workspaceId, apiKeyId, new Date()))) throw notFound('API key', 'api_key_not_found');
  }
}
