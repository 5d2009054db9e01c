import { Body, Controller, Get, Header, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../auth/auth.decorators.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { ErrorResponseDto } from '../../http/error-body.js';
import { AccountDto, SessionDto, toSessionDto } from '../account/account.dto.js';
import { GetAccountUseCase } from '../account/get-account.use-case.js';
import { requestedWorkspace } from '../credentials/credential-authenticator.js';
import { readCredential } from '../credentials/read-credential.js';
import { CurrentUser, SignedIn, type SignedInUser } from '../credentials/signed-in.js';
import { isSecureRequest, writeClearedSessionCookie, writeSessionCookie } from '../sessions/session-cookie.js';
import { clientIp } from './client-ip.js';
import { LoginDto } from './login.dto.js';
import { LoginUseCase } from './login.use-case.js';
import { LogoutUseCase } from './logout.use-case.js';
import { withRetryAfter } from './too-many-attempts.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly loginUseCase: LoginUseCase,
    private readonly logoutUseCase: LogoutUseCase,
    private readonly getAccount: GetAccountUseCase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Sign in. Sets the session cookie (HttpOnly, SameSite=Lax) and returns the same token for `Authorization: Bearer` use.',
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: '`invalid_credentials`: wrong email or password (the same answer for both).' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: '`too_many_attempts`, with `Retry-After` (seconds).' })
  async login(@Body() body: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionDto> {
    const { user, session } = await withRetryAfter(response, () =>
      this.loginUseCase.execute({ email: body.email, password: body.password, workspaceId: body.workspaceId, ip: clientIp(request) }),
    );
    writeSessionCookie(response, session.token, isSecureRequest(request, this.config.production));
    return toSessionDto(user, session);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session of this request (cookie or bearer token) and clear the cookie. Always 204.' })
  @ApiNoContentResponse({ description: 'Signed out (or was not signed in).' })
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.logoutUseCase.execute(readCredential(request.headers));
    writeClearedSessionCookie(response, isSecureRequest(request, this.config.production));
  }

  @SignedIn()
  @Get('me')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Who I am, my workspaces with my role in each, and the current workspace.' })
  @ApiOkResponse({ type: AccountDto })
  me(@CurrentUser() user: SignedInUser, @Req() request: Request): Promise<AccountDto> {
    return this.getAccount.execute({ user, requestedWorkspaceId: requestedWorkspace(request) });
  }
}
