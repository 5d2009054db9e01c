import { Injectable } from '@nestjs/common';
import type { RequestPrincipal } from '../../auth/request-principal.js';
import type { ApiKey } from '../../database/entities/index.js';
import { ApiError } from '../../http/api-error.js';
import { canAssignRole, createApiKey } from '../../security/index.js';
import type { ApiKeyRole } from './api-key.dto.js';
import { ApiKeyRepository } from './api-key.repository.js';

/** Creates a workspace API key; the key itself is returned once and only its hash is kept. */
@Injectable()
export class CreateApiKeyUseCase {
  constructor(private readonly apiKeys: ApiKeyRepository) {}

  async execute({ actor, name, role }: { actor: RequestPrincipal; name: string; role: ApiKeyRole }): Promise<{ apiKey: ApiKey; key: string }> {
    // The same ceiling as for inviting a person: nobody mints a key more powerful than themselves.
    if (!canAssignRole(actor.role, role)) {
      throw new ApiError({ status: 403, code: 'forbidden', message: `Your role (${actor.role}) cannot create a key with the role ${role}.` });
    }
    const { key, prefix, hash } = createApiKey();
    const apiKey = await this.apiKeys.create({ workspaceId: actor.workspaceId, name: name.trim(), prefix, keyHash: hash, role, createdBy: actor.userId ?? null });
    return { apiKey, key };
  }
}
