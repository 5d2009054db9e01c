import { ApiProperty } from '@nestjs/swagger';

export class DatabaseHealthDto {
  @ApiProperty({ enum: ['up', 'down'] })
  status!: 'up' | 'down';

  @ApiProperty({ example: 0.8, description: 'Round trip of `SELECT 1`, in milliseconds.' })
  latencyMs!: number;
}

export class QueueHealthDto {
  @ApiProperty({ enum: ['up', 'down'] })
  status!: 'up' | 'down';

  @ApiProperty({ enum: ['redis', 'postgres'], description: 'Redis when REDIS_URL is set, else BullMQ on the database.' })
  backend!: 'redis' | 'postgres';
}

export class HealthResponseDto {
  @ApiProperty({ enum: ['ok', 'error'], description: '`error` (with HTTP 503) when a dependency is down.' })
  status!: 'ok' | 'error';

  @ApiProperty({ type: DatabaseHealthDto })
  database!: DatabaseHealthDto;

  @ApiProperty({ type: QueueHealthDto })
  queue!: QueueHealthDto;
}
