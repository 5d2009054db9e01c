import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ROLES, type Role } from '../../security/roles.js';

/** Roles an API key may carry: never owner (ownership is for people). */
export const API_KEY_ROLES = ['admin', 'editor', 'agent'] as const satisfies readonly Role[];
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Shopify sync', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ enum: API_KEY_ROLES, default: 'editor', description: 'What the key may do; never owner, never above your own role.' })
  @IsOptional()
  @IsIn(API_KEY_ROLES, { message: `role must be one of: ${API_KEY_ROLES.join(', ')} (an API key is never owner)` })
  role?: ApiKeyRole;
}

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Shopify sync' })
  name!: string;

  @ApiProperty({ example: 'k3x9m2pq', description: 'The public part of the key (jrn_<prefix>_…), to tell keys apart.' })
  prefix!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  createdBy!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Updated at most once a minute.' })
  lastUsedAt!: Date | null;
}

export class ApiKeysDto {
  @ApiProperty({ type: [ApiKeyDto] })
  apiKeys!: ApiKeyDto[];
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({
    example: 'jrn_k3x9m2pq_…',
    description: 'The key. Shown only in this response (stored hashed): send it as `Authorization: Bearer <key>` or `X-Api-Key: <key>`.',
  })
  key!: string;
}
