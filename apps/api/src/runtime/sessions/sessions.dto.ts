import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { FLOW_SESSION_STATUSES, type FlowSessionStatus } from '../../database/entities/flow-session.entity.js';

export class ListSessionsQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  flowId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  conversationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({ enum: FLOW_SESSION_STATUSES })
  @IsOptional()
  @IsIn(FLOW_SESSION_STATUSES)
  status?: FlowSessionStatus;

  @ApiPropertyOptional({ description: 'Include the builder’s simulations (left out by default).', enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  simulations?: 'true' | 'false';

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  cursor?: string;
}

export class RunLogQueryDto {
  @ApiPropertyOptional({ description: 'Entries after this seq (the `seq` of the last entry read).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  after?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class SessionSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) flowId!: string;
  @ApiProperty({ description: 'The published version it runs on; 0 for a simulation of the draft.' }) flowVersion!: number;
  @ApiProperty({ format: 'uuid' }) conversationId!: string;
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty() channel!: string;
  @ApiProperty({ enum: FLOW_SESSION_STATUSES }) status!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The node it waits in.' }) waitingAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it ended (completed, end_node, jumped, resolved, step_budget_exceeded…).' }) endedReason!: string | null;
  @ApiProperty() simulation!: boolean;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt!: string | null;
}

export class SessionPageView {
  @ApiProperty({ type: [SessionSummaryView] }) items!: SessionSummaryView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class SessionDetailView extends SessionSummaryView {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The session’s variables.' }) variables!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'What it waits for (kind, node, timer).' }) wait!: Record<string, unknown> | null;
}

export class RunLogEntryView {
  @ApiProperty({ description: 'Order within the session; pass the last one as `after` to read on.' }) seq!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: ['event', 'node', 'send', 'schedule_timer', 'cancel_timer', 'handoff', 'http_request', 'set_contact', 'tag', 'record_survey', 'record_conversion', 'start_flow', 'http_result', 'end', 'log', 'error', 'ignored'] })
  kind!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
}

export class RunLogPageView {
  @ApiProperty({ type: [RunLogEntryView] }) items!: RunLogEntryView[];
  @ApiProperty({ type: Number, nullable: true, description: 'Pass as `after` for the next page; null on the last.' }) nextAfter!: number | null;
}
