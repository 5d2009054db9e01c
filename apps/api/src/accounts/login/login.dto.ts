import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** Trims surrounding whitespace from a string field before validation (emails pasted with a space). */
export const Trim = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export class LoginDto {
  @ApiProperty({ example: 'ana@example.com', maxLength: 320 })
  @Trim()
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'correct horse battery staple', maxLength: 1024 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Start the session in this workspace (one of yours); default: where you last worked.' })
  @IsOptional()
  @IsUUID('all')
  workspaceId?: string;
}
