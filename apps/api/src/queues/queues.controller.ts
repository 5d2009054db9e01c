import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '../auth/auth.decorators.js';
import { ApiError } from '../http/api-error.js';
import { isQueueName } from './queue-names.js';
import { QueueService } from './queue.service.js';
import { FailedJobListDto, FailedJobsQueryDto, QueueListDto } from './queues.dto.js';

/**
 * The job queues as an operator sees them. The queues are shared by every workspace (job
 * payloads hold ids only), hence an owner/admin permission.
 */
@ApiTags('queues')
@Controller('queues')
export class QueuesController {
  constructor(private readonly queues: QueueService) {}

  @Get()
  @Permission('queues.read')
  @ApiOperation({ summary: 'Job counts per queue (waiting, active, delayed, failed) and the backend.' })
  @ApiOkResponse({ type: QueueListDto })
  async list(): Promise<QueueListDto> {
    return { backend: this.queues.backendKind, queues: await this.queues.counts() };
  }

  @Get(':queue/failed')
  @Permission('queues.read')
  @ApiOperation({ summary: 'The most recently failed jobs of a queue, newest first.' })
  @ApiOkResponse({ type: FailedJobListDto })
  async failed(@Param('queue') queue: string, @Query() query: FailedJobsQueryDto): Promise<FailedJobListDto> {
    if (!isQueueName(queue)) throw new ApiError({ status: 404, code: 'queue_not_found', message: `There is no queue named ${queue}.` });
    const jobs = await this.queues.findFailed(queue, query.limit ?? 50);
    return { jobs: jobs.map(({ finishedOn, ...job }) => ({ ...job, ...(finishedOn === undefined ? {} : { finishedOn }) })) };
  }
}
