// A test-only feature module: routes that exercise validation, auth, roles and errors through
// the real pipeline, before the product has routes of its own that do.
import { Body, Controller, Get, HttpCode, Module, Param, Post, Req } from '@nestjs/common';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Principal, Public, Roles } from '../../src/auth/auth.decorators.js';
import type { RequestPrincipal } from '../../src/auth/request-principal.js';
import { Workspace } from '../../src/database/entities/index.js';
import { ApiError } from '../../src/http/api-error.js';
import type { RawBodyRequest } from '../../src/http/body-parsers.js';
import type { Repository } from 'typeorm';

export class ProbeAddressDto {
  @ApiProperty()
  @IsString()
  @MaxLength(20)
  city!: string;
}

export class ProbeInputDto {
  @ApiProperty()
  @IsString()
  @MaxLength(10)
  name!: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  score?: number;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiProperty({ required: false, type: ProbeAddressDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProbeAddressDto)
  address?: ProbeAddressDto;
}

@Controller('probe')
export class ProbeController {
  constructor(@InjectRepository(Workspace) private readonly workspaces: Repository<Workspace>) {}

  @Public()
  @Get('workspaces')
  async listWorkspaces(): Promise<{ slugs: string[] }> {
    const rows = await this.workspaces.find({ order: { slug: 'ASC' } });
    return { slugs: rows.map((row) => row.slug) };
  }

  @Public()
  @Post('echo')
  echo(@Body() input: ProbeInputDto): { received: ProbeInputDto; isInstance: boolean } {
    return { received: input, isInstance: input instanceof ProbeInputDto };
  }

  @Public()
  @Get('boom')
  boom(): never {
    throw new Error('database password is hunter2');
  }

  @Public()
  @Get('conflict')
  conflict(): never {
    throw new ApiError({ status: 409, code: 'draft_conflict', message: 'Someone saved first.', meta: { currentRevision: 7 } });
  }

  @Get('me')
  me(@Principal() principal: RequestPrincipal): RequestPrincipal {
    return principal;
  }

  @Roles('owner', 'admin')
  @Post('admin-only')
  adminOnly(@Principal() principal: RequestPrincipal): { ok: true; role: string } {
    return { ok: true, role: principal.role };
  }
}

/** Webhooks live outside /api (init-app.ts ROOT_ROUTES) and see the raw body. */
@Public()
@Controller('webhooks/probe')
export class ProbeWebhookController {
  @Post(':channelId')
  @HttpCode(200)
  receive(@Param('channelId') channelId: string, @Req() request: RawBodyRequest & { body?: unknown }): { channelId: string; raw: string; parsed: unknown } {
    return { channelId, raw: request.rawBody?.toString('utf8') ?? '', parsed: request.body };
  }
}

@Module({ imports: [TypeOrmModule.forFeature([Workspace])], controllers: [ProbeController, ProbeWebhookController] })
export class ProbeModule {}
