import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { FLOW_OPERATION_TYPES, MAX_OPERATIONS } from '@jornada/flow-engine';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { FLOW_STATUSES, type FlowStatus } from '../../database/entities/index.js';
import { TEMPLATE_IDS, TEMPLATE_LOCALES, type TemplateLocale } from '../flow-document.js';

const DOCUMENT = { type: 'object', additionalProperties: true, description: 'A flow document (see GET /api/flow-schema).' } as const;
const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class CreateFlowDto {
  @ApiProperty({ example: 'Cart recovery', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ enum: TEMPLATE_IDS, description: 'Start from this journey template (GET /api/flow-templates).' })
  @IsOptional()
  @IsIn(TEMPLATE_IDS)
  templateId?: string;

  @ApiPropertyOptional({ enum: TEMPLATE_LOCALES, description: "The template's language; the workspace's by default." })
  @IsOptional()
  @IsIn(TEMPLATE_LOCALES)
  locale?: TemplateLocale;

  @ApiPropertyOptional({ ...DOCUMENT, description: 'Start from this document instead of a blank flow or a template.' })
  @IsOptional()
  @IsObject()
  document?: Record<string, unknown>;
}

export class RenameFlowDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

export class DuplicateFlowDto {
  @ApiPropertyOptional({ maxLength: 200, description: 'Name of the copy; "<name> (copy)" by default.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
}

export class SaveDraftDto {
  @ApiProperty(DOCUMENT)
  @IsObject()
  document!: Record<string, unknown>;

  @ApiProperty({ example: 3, description: 'The draftRevision this edit started from; a stale one gets 409 draft_conflict.' })
  @IsInt()
  @Min(1)
  revision!: number;
}

export class ApplyOperationsDto {
  @ApiProperty({ example: 3, description: 'The draftRevision the operations were made on; a stale one gets 409 draft_conflict.' })
  @IsInt()
  @Min(1)
  revision!: number;

  @ApiProperty({
    type: 'array',
    minItems: 1,
    maxItems: MAX_OPERATIONS,
    items: {
      type: 'object',
      required: ['type'],
      properties: { type: { type: 'string', enum: [...FLOW_OPERATION_TYPES] } },
      additionalProperties: true,
    },
    description: 'FlowOperations (see docs/flow-engine.md, "Operations"), applied in order, all or none.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_OPERATIONS)
  operations!: unknown[];
}

export class ValidateFlowDto {
  @ApiProperty({ description: 'Any JSON: problems come back as issues (invalid_document…), never as an error.' })
  @IsDefined()
  document!: unknown;
}

export class ImportFlowDto {
  @ApiProperty({ ...DOCUMENT, description: 'An exported flow document; older schema versions are migrated.' })
  @IsObject()
  document!: Record<string, unknown>;

  @ApiPropertyOptional({ maxLength: 200, description: "Overrides the document's name." })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
}

export class PublishFlowDto {
  @ApiPropertyOptional({ description: 'Publish only if the draft is still at this revision (409 otherwise).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  revision?: number;
}

export class RestoreVersionDto {
  @ApiProperty({ description: 'The draftRevision the client has; a stale one gets 409 draft_conflict.' })
  @IsInt()
  @Min(1)
  revision!: number;
}

export class LocaleQueryDto {
  @ApiPropertyOptional({ enum: TEMPLATE_LOCALES, description: "The workspace's language by default." })
  @IsOptional()
  @IsIn(TEMPLATE_LOCALES)
  locale?: TemplateLocale;
}

export class ListFlowsQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name, any case.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ enum: FLOW_STATUSES })
  @IsOptional()
  @IsIn(FLOW_STATUSES)
  status?: FlowStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export class ListVersionsQueryDto extends LocaleQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'Versions numbered below this (nextBefore of the previous page).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  before?: number;
}
