import { Controller, Get, Header, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators.js';
import { DatabaseHealth } from '../database/database-health.js';
import { QueueService } from '../queues/queue.service.js';
import { HealthResponseDto } from './health.dto.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: DatabaseHealth,
    private readonly queues: QueueService,
  ) {}

  @Public()
  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Liveness and readiness: checks the database and the job queue store.' })
  @ApiOkResponse({ type: HealthResponseDto, description: 'Everything answers.' })
  @ApiServiceUnavailableResponse({ type: HealthResponseDto, description: 'A dependency is down; the body says which.' })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthResponseDto> {
    const [database, queue] = await Promise.all([this.database.check(), this.queues.check()]);
    const ok = database.status === 'up' && queue.status === 'up';
    // A status report, not an error: 503 keeps the same body, so probes and people see why.
    response.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'error', database, queue };
  }
}
