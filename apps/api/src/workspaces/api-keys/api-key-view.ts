import type { ApiKey } from '../../database/entities/index.js';
import type { ApiKeyDto } from './api-key.dto.js';

/** The listable view of a key: everything but its hash. */
export function toApiKeyDto(key: ApiKey): ApiKeyDto {
  return { id: key.id, name: key.name, prefix: key.prefix, role: key.role, createdBy: key.createdBy, createdAt: key.createdAt, lastUsedAt: key.lastUsedAt };
}
