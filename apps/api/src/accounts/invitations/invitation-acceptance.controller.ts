import { Body, Controller, Header, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../auth/auth.decorators.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { toUserDto } from '../account/account.dto.js';
import { CredentialAuthenticator } from '../credentials/credential-authenticator.js';
import { isSecureRequest, writeSessionCookie } from '../sessions/session-cookie.js';
import { AcceptedInvitationDto, AcceptInvitationDto } from './accept-invitation.dto.js';
import { AcceptInvitationUseCase } from './accept-invitation.use-case.js';

@ApiTags('invitations')
@Controller('invitations')
export class InvitationAcceptanceController {
  constructor(
    private readonly acceptInvitation: AcceptInvitationUseCase,
    private readonly authenticator: CredentialAuthenticator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Public: the invitee may have no account yet. A session, when present, says who accepts. */
  @Public()
  @Post('accept')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Accept an invitation. Signed in: join with your account (the invitation must be for your email). ' +
      'Not signed in: creates your account (name, password) and signs you in. 404 unknown link, 409 already used, 410 expired or revoked.',
  })
  @ApiOkResponse({ type: AcceptedInvitationDto })
  async accept(@Body() body: AcceptInvitationDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<AcceptedInvitationDto> {
    const identity = await this.authenticator.identify(request);
    const result = await this.acceptInvitation.execute({
      token: body.token,
      name: body.name,
      password: body.password,
      signedInUserId: identity?.kind === 'user' ? identity.user.userId : undefined,
    });
    if (result.session !== null) writeSessionCookie(response, result.session.token, isSecureRequest(request, this.config.production));
    return {
      user: toUserDto(result.user),
      workspace: result.workspace,
      ...(result.session === null ? {} : { token: result.session.token }),
    };
  }
}
