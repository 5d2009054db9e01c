import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, LessThan, type EntityManager } from 'typeorm';
import { ApiKey } from '../../database/entities/index.js';
import type { Role } from '../../security/roles.js';

/** Workspace API keys, stored by the hash of the key (map rows with toApiKeyDto before answering). */
@Injectable()
export class ApiKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  create(input: { workspaceId: string; name: string; prefix: string; keyHash: string; role: Role; createdBy: string | null }): Promise<ApiKey> {
    const manager = this.dataSource.manager;
    return manager.save(manager.create(ApiKey, { ...input, lastUsedAt: null, revokedAt: null }));
  }

  /** Keys not revoked, newest first. */
  listActive(workspaceId: string): Promise<ApiKey[]> {
    return this.dataSource.manager.find(ApiKey, { where: { workspaceId, revokedAt: IsNull() }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  /** The key whose SHA-256 is `keyHash`, unless revoked. */
  findActiveByHash(keyHash: string): Promise<ApiKey | null> {
    return this.dataSource.manager.findOne(ApiKey, { where: { keyHash, revokedAt: IsNull() } });
  }

  /** Revokes a key of the workspace; false when there is no such active key. */
  async revoke(workspaceId: string, id: string, now: Date, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const result = await manager.update(ApiKey, { workspaceId, id, revokedAt: IsNull() }, { revokedAt: now });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Records a use, at most once per `throttleMs` per key: every API call would otherwise write a
   * row. The condition makes concurrent requests write once between them.
   */
  async touch(id: string, now: Date, throttleMs: number): Promise<void> {
    const staleBefore = new Date(now.getTime() - throttleMs);
    await this.dataSource.manager
      .createQueryBuilder()
      .update(ApiKey)
      .set({ lastUsedAt: now })
      .where({ id })
      .andWhere([{ lastUsedAt: IsNull() }, { lastUsedAt: LessThan(staleBefore) }])
      .execute();
  }
}
