import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { OPT_IN_STATUSES, type OptInStatus } from '../../database/entities/index.js';
import { IDENTITY_CHANNELS, type IdentityChannel } from '../contact-fields.js';
import { IsContactAttributes } from './contact-attributes.validator.js';

const MAX_TAGS = 100;
/** A list of tags: strings of 1 to 64 characters, at most MAX_TAGS. */
function tagList(): PropertyDecorator {
  const rules = [IsArray(), ArrayMaxSize(MAX_TAGS), IsString({ each: true }), IsNotEmpty({ each: true }), MaxLength(64, { each: true })];
  return (target, property) => {
    for (const rule of rules) rule(target, property);
  };
}

const ATTRIBUTES = { type: 'object', additionalProperties: true, example: { city: 'São Paulo', vip: true } } as const;

export class CreateContactDto {
  @ApiPropertyOptional({ maxLength: 200, example: 'Ana Souza' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ maxLength: 320, example: 'ana@example.com' })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ maxLength: 40, example: '(11) 98765-4321', description: 'Any usual notation; stored in E.164 (read with the workspace country).' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({ ...ATTRIBUTES, description: 'Custom attributes, read by flows as contact.attributes.<name>.' })
  @IsOptional()
  @IsContactAttributes({ allowNull: false })
  attributes?: Record<string, unknown>;

  @ApiPropertyOptional({ type: [String], maxItems: MAX_TAGS, example: ['vip'] })
  @IsOptional()
  @tagList()
  tags?: string[];

  @ApiPropertyOptional({ description: 'true: opted in, false: opted out (with the time); absent: unknown.' })
  @IsOptional()
  @IsBoolean()
  optIn?: boolean;
}

/** Fields to change; `null` clears name, email or phone; in attributes, `null` removes a key. */
export class UpdateContactDto {
  @ApiPropertyOptional({ maxLength: 200, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string | null;

  @ApiPropertyOptional({ maxLength: 320, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  email?: string | null;

  @ApiPropertyOptional({ maxLength: 40, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string | null;

  @ApiPropertyOptional({ ...ATTRIBUTES, description: 'Merged into the attributes; a null value removes that attribute.' })
  @IsOptional()
  @IsContactAttributes({ allowNull: true })
  attributes?: Record<string, unknown>;

  @ApiPropertyOptional({ type: [String], maxItems: MAX_TAGS, description: 'Replaces the tags.' })
  @IsOptional()
  @tagList()
  tags?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  optIn?: boolean;
}

export class AddIdentityDto {
  @ApiProperty({ enum: IDENTITY_CHANNELS })
  @IsIn(IDENTITY_CHANNELS)
  channel!: IdentityChannel;

  @ApiProperty({ maxLength: 255, example: '+5511987654321', description: 'Phone (whatsapp, sms: stored in E.164), address (email) or provider user id.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  externalId!: string;
}

export class TagsDto {
  @ApiProperty({ type: [String], maxItems: MAX_TAGS, example: ['vip'] })
  @tagList()
  tags!: string[];
}

const toList = ({ value }: { value: unknown }): unknown => (value === undefined || Array.isArray(value) ? value : [value]);

export class ListContactsQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name (any case or accents), email or phone (any notation).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ type: [String], description: 'Only contacts with every one of these tags (repeat the parameter).' })
  @IsOptional()
  @Transform(toList)
  @tagList()
  tag?: string[];

  @ApiPropertyOptional({ enum: OPT_IN_STATUSES })
  @IsOptional()
  @IsIn(OPT_IN_STATUSES)
  optIn?: OptInStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}
