import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { MyWorkspaceDto } from '../../workspaces/workspace/workspace.dto.js';
import { UserDto } from '../account/account.dto.js';
import { Trim } from '../login/login.dto.js';
import { IsAcceptablePassword } from '../setup/password-policy.validator.js';

export class AcceptInvitationDto {
  @ApiProperty({ description: 'The token of the invitation link (after `#token=`).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;

  @ApiPropertyOptional({ example: 'Bruno Lima', maxLength: 200, description: 'Required when the invitation creates your account.' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ description: 'Required when the invitation creates your account: at least 10 characters, not a common password.' })
  @IsOptional()
  @IsString()
  @IsAcceptablePassword()
  password?: string;
}

export class AcceptedInvitationDto {
  @ApiProperty({ type: UserDto })
  user!: UserDto;

  @ApiProperty({ type: MyWorkspaceDto, description: 'The workspace joined, with the role the invitation gave.' })
  workspace!: MyWorkspaceDto;

  @ApiPropertyOptional({ description: 'Only when the invitation created the account: a session token (the cookie is set too).' })
  token?: string;
}
