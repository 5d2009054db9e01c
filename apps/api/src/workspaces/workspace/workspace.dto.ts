import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO31661Alpha2, IsISO4217CurrencyCode, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ROLES, type Role } from '../../security/roles.js';
import { BusinessHoursDto } from './business-hours.dto.js';
import { IsIanaTimeZone } from './settings-validators.js';

/** Languages the product speaks: the builder, and the default of new flows' messages. */
export const WORKSPACE_LOCALES = ['pt-BR', 'en'] as const;
export type WorkspaceLocale = (typeof WORKSPACE_LOCALES)[number];

/** Settings a workspace starts with when created; every one may be changed later. */
export class CreateWorkspaceDto {
  @ApiProperty({ example: 'Loja da Ana', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 'America/Sao_Paulo', description: 'IANA time zone (default UTC).' })
  @IsOptional()
  @IsIanaTimeZone()
  timezone?: string;

  @ApiPropertyOptional({ enum: WORKSPACE_LOCALES, description: 'Default en.' })
  @IsOptional()
  @IsIn(WORKSPACE_LOCALES)
  locale?: WorkspaceLocale;

  @ApiPropertyOptional({ example: 'BRL', description: 'ISO 4217 code, upper case (default USD).' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an upper-case ISO 4217 code such as BRL' })
  @IsISO4217CurrencyCode()
  currency?: string;

  @ApiPropertyOptional({ example: 'BR', description: 'ISO 3166-1 alpha-2, upper case: the default region of phone numbers.' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an upper-case ISO 3166-1 alpha-2 code such as BR' })
  @IsISO31661Alpha2()
  country?: string;
}

/** A partial update of the current workspace's settings; `null` clears country or business hours. */
export class UpdateWorkspaceDto {
  @ApiPropertyOptional({ example: 'Loja da Ana', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: 'America/Sao_Paulo', description: 'IANA time zone.' })
  @IsOptional()
  @IsIanaTimeZone()
  timezone?: string;

  @ApiPropertyOptional({ enum: WORKSPACE_LOCALES })
  @IsOptional()
  @IsIn(WORKSPACE_LOCALES)
  locale?: WorkspaceLocale;

  @ApiPropertyOptional({ example: 'BRL', description: 'ISO 4217 code, upper case.' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an upper-case ISO 4217 code such as BRL' })
  @IsISO4217CurrencyCode()
  currency?: string;

  @ApiPropertyOptional({ type: String, example: 'BR', nullable: true, description: 'ISO 3166-1 alpha-2, upper case; null clears it.' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an upper-case ISO 3166-1 alpha-2 code such as BR' })
  @IsISO31661Alpha2()
  country?: string | null;

  @ApiPropertyOptional({ type: BusinessHoursDto, nullable: true, description: 'Weekly opening hours; null clears them.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => BusinessHoursDto)
  businessHours?: BusinessHoursDto | null;
}

/** A workspace and its settings. */
export class WorkspaceDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Loja da Ana' })
  name!: string;

  @ApiProperty({ example: 'loja-da-ana-k3x9m2', description: 'URL-safe and unique across the installation.' })
  slug!: string;

  @ApiProperty({ example: 'America/Sao_Paulo' })
  timezone!: string;

  @ApiProperty({ example: 'pt-BR' })
  locale!: string;

  @ApiProperty({ example: 'BRL' })
  currency!: string;

  @ApiProperty({ example: 'BR', nullable: true, type: String })
  country!: string | null;

  @ApiProperty({ type: BusinessHoursDto, nullable: true })
  businessHours!: BusinessHoursDto | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
}

/** One of the caller's workspaces and the caller's role in it. */
export class MyWorkspaceDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Loja da Ana' })
  name!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;
}

/** A workspace just created, with the creator's role (owner). */
export class CreatedWorkspaceDto extends WorkspaceDto {
  @ApiProperty({ enum: ROLES, example: 'owner' })
  role!: Role;
}
