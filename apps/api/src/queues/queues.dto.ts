import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { QUEUE_NAMES } from './queue-names.js';

export class QueueCountsDto {
  @ApiProperty({ enum: QUEUE_NAMES })
  name!: string;

  @ApiProperty({ description: 'Ready to run.' })
  waiting!: number;

  @ApiProperty({ description: 'Being processed now.' })
  active!: number;

  @ApiProperty({ description: 'Waiting for their time (timers, retries after a backoff).' })
  delayed!: number;

  @ApiProperty({ description: 'Failed for good and kept for inspection.' })
  failed!: number;
}

export class QueueListDto {
  @ApiProperty({ enum: ['redis', 'postgres'] })
  backend!: 'redis' | 'postgres';

  @ApiProperty({ type: [QueueCountsDto] })
  queues!: QueueCountsDto[];
}

export class FailedJobDto {
  @ApiProperty({ example: 'inbound-6f1c…', description: '`<queue>-<row id>`.' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ example: 'user: invalid phone number', description: '`<kind>: <message>` for classified errors.' })
  failedReason!: string;

  @ApiProperty()
  attemptsMade!: number;

  @ApiProperty({ description: 'When the job was created (ms since the epoch).' })
  timestamp!: number;

  @ApiProperty({ required: false, description: 'When it failed (ms since the epoch).' })
  finishedOn?: number;
}

export class FailedJobListDto {
  @ApiProperty({ type: [FailedJobDto] })
  jobs!: FailedJobDto[];
}

export class FailedJobsQueryDto {
  @ApiProperty({ required: false, default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
