import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../security/index.js';
import { WORKSPACE_LOCALES, type WorkspaceLocale } from '../../workspaces/workspace/workspace.dto.js';
import { IsIanaTimeZone } from '../../workspaces/workspace/settings-validators.js';
import { Trim } from '../login/login.dto.js';
import { IsAcceptablePassword } from './password-policy.validator.js';

export class SetupStatusDto {
  @ApiProperty({ description: 'True while no account exists: the builder then shows the first-run sign-up.' })
  needsSetup!: boolean;
}

/** The first-run sign-up: the first owner and their workspace. */
export class SetupDto {
  @ApiProperty({ example: 'ana@example.com', maxLength: 320 })
  @Trim()
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH, description: 'At least 10 characters, not a common password.' })
  @IsString()
  @IsAcceptablePassword()
  password!: string;

  @ApiProperty({ example: 'Ana Souza', maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({
    example: 'Loja da Ana',
    maxLength: 200,
    description: 'Name of the new workspace. Not needed when the demo workspace is waiting for its owner (it is adopted).',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  workspaceName?: string;

  @ApiPropertyOptional({ example: 'America/Sao_Paulo', description: 'IANA time zone of the workspace (default UTC).' })
  @IsOptional()
  @IsIanaTimeZone()
  timezone?: string;

  @ApiPropertyOptional({ enum: WORKSPACE_LOCALES, description: 'Language of the workspace (default en).' })
  @IsOptional()
  @IsIn(WORKSPACE_LOCALES)
  locale?: WorkspaceLocale;
}
