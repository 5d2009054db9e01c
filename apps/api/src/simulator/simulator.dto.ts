import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNEL_TYPES, type ChannelType } from '@jornada/flow-engine';
import { IsIn, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { EVENT_NAME } from '../events/post-event.dto.js';

/** Channels a simulation can render as (the sandbox is where it runs, not how it looks). */
export const SIMULATED_CHANNELS = CHANNEL_TYPES.filter((c) => c !== 'sandbox') as Exclude<ChannelType, 'sandbox'>[];

export class StartSimulationDto {
  @ApiPropertyOptional({ enum: SIMULATED_CHANNELS, default: 'whatsapp', description: 'Render messages as this channel would show them (buttons, lists, SMS text).' })
  @IsOptional()
  @IsIn(SIMULATED_CHANNELS)
  channel?: Exclude<ChannelType, 'sandbox'>;

  @ApiPropertyOptional({ maxLength: 100, description: 'The trigger to start from; the flow’s first trigger when absent.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  triggerId?: string;

  @ApiPropertyOptional({ maxLength: 4096, example: 'oi', description: 'For a message trigger: what the customer writes first (a keyword of the trigger when absent).' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4096)
  message?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'For a commerce trigger: the event object (a sample cart or order when absent); for a manual trigger: the start variables.',
  })
  @IsOptional()
  @IsObject()
  data?: Record<string, unknown>;

  @ApiPropertyOptional({ maxLength: 200, example: 'Ana Souza' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  contactName?: string;
}

export class SimulationStartedView {
  @ApiProperty({ format: 'uuid', description: 'The simulation’s conversation: use it in /api/simulations/:id/…' }) id!: string;
  @ApiProperty({ format: 'uuid' }) flowId!: string;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ enum: SIMULATED_CHANNELS }) channel!: string;
  @ApiProperty() triggerId!: string;
}

export class SimulationEventDto {
  @ApiProperty({ maxLength: 100, example: 'order.created' })
  @IsString()
  @MaxLength(100)
  @Matches(EVENT_NAME, { message: 'name must look like namespace.event (lower-case letters, digits, _; e.g. order.created)' })
  name!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'The event object; sample data for commerce events when absent.' })
  @IsOptional()
  @IsObject()
  data?: Record<string, unknown>;
}

export class SimulationStepView {
  @ApiProperty({ enum: ['advanced', 'ignored'], description: '`ignored`: the session was not waiting for this.' }) outcome!: 'advanced' | 'ignored';
}

export class SkippedWaitView {
  @ApiProperty() timerId!: string;
  @ApiProperty({ description: 'The node that was waiting.' }) nodeId!: string;
  @ApiProperty({ enum: ['fired', 'stale'] }) status!: 'fired' | 'stale';
}

export class SimulationTimerView {
  @ApiProperty() nodeId!: string;
  @ApiProperty({ format: 'date-time' }) fireAt!: string;
}

export class SimulationPathEntryView {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty() nodeId!: string;
  @ApiPropertyOptional({ description: 'The output the node left by (its handle).' }) output?: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class SimulationStateView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) flowId!: string;
  @ApiProperty({ enum: ['open', 'handoff', 'resolved'] }) conversationStatus!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The latest session (a jump starts another).' }) sessionId!: string | null;
  @ApiProperty({ enum: ['active', 'waiting', 'handoff', 'ended'], nullable: true, type: String }) status!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The node the session waits in.' }) waitingAt!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['reply', 'timer', 'event', 'effect', 'human'] }) waitingFor!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The session’s variables.' }) variables!: Record<string, unknown>;
  @ApiProperty({ type: SimulationTimerView, isArray: true, description: 'Pending timers, soonest first.' }) timers!: SimulationTimerView[];
  @ApiProperty({ type: SimulationPathEntryView, isArray: true, description: 'Every node entered, in order.' }) path!: SimulationPathEntryView[];
  @ApiProperty({ type: 'object', isArray: true, additionalProperties: true, description: 'Errors and warnings of the run log.' }) problems!: Record<string, unknown>[];
}
