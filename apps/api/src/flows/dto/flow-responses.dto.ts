import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FLOW_STATUSES, type FlowStatus } from '../../database/entities/index.js';

const DOCUMENT = { type: 'object', additionalProperties: true, description: 'A flow document (see GET /api/flow-schema).' } as const;

export class LintIssueDto {
  @ApiProperty({ example: 'trigger_not_connected', description: 'Stable code; the builder translates by it.' })
  code!: string;

  @ApiProperty({ enum: ['error', 'warning'], description: 'Errors block publishing; warnings do not.' })
  severity!: 'error' | 'warning';

  @ApiProperty()
  message!: string;

  @ApiPropertyOptional()
  nodeId?: string;

  @ApiPropertyOptional()
  edgeId?: string;

  @ApiPropertyOptional()
  handle?: string;

  @ApiPropertyOptional({ example: 'nodes.3.data.buttons.0.title' })
  path?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  params?: Record<string, string | number>;
}

export class FlowSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ enum: FLOW_STATUSES })
  status!: FlowStatus;

  @ApiProperty({ type: Number, nullable: true, description: 'The version new sessions start on; null until published.' })
  currentVersion!: number | null;

  @ApiProperty({ description: 'Send it back with the next draft save.' })
  draftRevision!: number;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty()
  updatedAt!: string;

  @ApiProperty({ type: String, nullable: true })
  lastPublishedAt!: string | null;
}

export class FlowPageDto {
  @ApiProperty({ type: [FlowSummaryDto] })
  items!: FlowSummaryDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last.' })
  nextCursor!: string | null;
}

export class FlowDetailDto extends FlowSummaryDto {
  @ApiProperty({ ...DOCUMENT, description: 'The draft being edited.' })
  document!: Record<string, unknown>;

  @ApiProperty({ type: [LintIssueDto], description: 'Lint of the draft: errors block publishing.' })
  issues!: LintIssueDto[];
}

export class ImportedFlowDto extends FlowDetailDto {
  @ApiPropertyOptional({ description: 'The schema version the document was migrated from, when it was older.' })
  migratedFrom?: number;
}

export class DraftSavedDto {
  @ApiProperty({ description: 'The new draftRevision.' })
  revision!: number;

  @ApiProperty()
  updatedAt!: string;

  @ApiProperty({ ...DOCUMENT, description: 'The draft as stored (migrated, defaults filled in).' })
  document!: Record<string, unknown>;

  @ApiProperty({ type: [LintIssueDto], description: 'Lint issues do not block saving.' })
  issues!: LintIssueDto[];
}

export class ValidateFlowResultDto {
  @ApiProperty({ type: [LintIssueDto] })
  issues!: LintIssueDto[];
}

export class PublishedFlowDto {
  @ApiProperty({ description: 'The number of the new version.' })
  version!: number;

  @ApiProperty()
  publishedAt!: string;

  @ApiProperty({ description: 'The draft revision that was published.' })
  revision!: number;

  @ApiProperty({ type: [LintIssueDto], description: 'Warnings that remain (never errors).' })
  issues!: LintIssueDto[];
}

export class PublisherDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;
}

export class FlowVersionSummaryDto {
  @ApiProperty()
  version!: number;

  @ApiProperty()
  publishedAt!: string;

  @ApiProperty({ type: PublisherDto, nullable: true })
  publishedBy!: PublisherDto | null;

  @ApiProperty({ type: [String], description: 'What changed since the previous version, in the requested language.' })
  summary!: string[];
}

export class FlowVersionPageDto {
  @ApiProperty({ type: [FlowVersionSummaryDto] })
  items!: FlowVersionSummaryDto[];

  @ApiProperty({ type: Number, nullable: true, description: 'Pass as `before` for older versions; null on the last page.' })
  nextBefore!: number | null;
}

export class FlowVersionDto {
  @ApiProperty()
  version!: number;

  @ApiProperty()
  publishedAt!: string;

  @ApiProperty({ type: PublisherDto, nullable: true })
  publishedBy!: PublisherDto | null;

  @ApiProperty(DOCUMENT)
  document!: Record<string, unknown>;
}

export class FlowVersionDiffDto {
  @ApiProperty()
  from!: number;

  @ApiProperty()
  to!: number;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'nodes, edges, triggers, variables, settings, meta, layoutOnly, summary.' })
  diff!: Record<string, unknown>;

  @ApiProperty({ type: [String] })
  summary!: string[];
}

export class FlowTemplateDto {
  @ApiProperty({ example: 'cart-recovery' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ enum: ['pt-BR', 'en'] })
  locale!: string;
}

export class FlowTemplateListDto {
  @ApiProperty({ type: [FlowTemplateDto] })
  items!: FlowTemplateDto[];
}
