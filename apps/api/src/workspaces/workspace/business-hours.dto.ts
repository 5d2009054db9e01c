import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { CLOCK_TIME, CLOSING_TIME, DiffersFrom, IsHoliday, IsIanaTimeZone } from './settings-validators.js';

/** At most this many opening intervals per day (a split shift needs 2 or 3). */
const MAX_INTERVALS_PER_DAY = 12;
const MAX_HOLIDAYS = 366;

/**
 * One opening interval. The same shape the flow engine's business-hours helpers read
 * (`BusinessHours` in packages/flow-engine/src/time): an end earlier than the start runs past
 * midnight and belongs to the day it starts on.
 */
export class OpeningIntervalDto {
  @ApiProperty({ example: '09:00', description: 'Opening time, HH:mm (24-hour clock).' })
  @IsString()
  @Matches(CLOCK_TIME, { message: 'start must be a time HH:mm (00:00 to 23:59)' })
  start!: string;

  @ApiProperty({ example: '18:00', description: 'Closing time, HH:mm or 24:00. Earlier than `start`: the interval runs past midnight.' })
  @IsString()
  @Matches(CLOSING_TIME, { message: 'end must be a time HH:mm (00:00 to 24:00)' })
  @DiffersFrom('start')
  end!: string;
}

const intervals: ApiPropertyOptions = { type: [OpeningIntervalDto], maxItems: MAX_INTERVALS_PER_DAY };

/** Opening intervals per weekday; a missing or empty day is closed. */
export class BusinessDaysDto {
  @ApiPropertyOptional(intervals)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_INTERVALS_PER_DAY)
  @ValidateNested({ each: true })
  @Type(() => OpeningIntervalDto)
  sun?: OpeningIntervalDto[];

  @ApiPropertyOptional(intervals)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_INTERVALS_PER_DAY)
  @ValidateNested({ each: true })
  @Type(() => OpeningIntervalDto)
  mon?: OpeningIntervalDto[];

  @ApiPropertyOptional(intervals)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_INTERVALS_PER_DAY)
  @ValidateNested({ each: true })
  @Type(() => OpeningIntervalDto)
  tue?: OpeningIntervalDto[];

  @ApiPropertyOptional(intervals)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_INTERVALS_PER_DAY)
  @ValidateNested({ each: true })
  @Type(() => OpeningIntervalDto)
  wed?: OpeningIntervalDto[];

  @ApiPropertyOptional(intervals)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_INTERVALS_PER_DAY)
  @ValidateNested({ each: true })
  @Type(() => OpeningIntervalDto)
  thu?: OpeningIntervalDto[];

  @ApiPropertyOptional(intervals)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_INTERVALS_PER_DAY)
  @ValidateNested({ each: true })
  @Type(() => OpeningIntervalDto)
  fri?: OpeningIntervalDto[];

  @ApiPropertyOptional(intervals)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_INTERVALS_PER_DAY)
  @ValidateNested({ each: true })
  @Type(() => OpeningIntervalDto)
  sat?: OpeningIntervalDto[];
}

/** Weekly opening hours, read by "wait until business hours" nodes and the inbox. */
export class BusinessHoursDto {
  @ApiPropertyOptional({ example: 'America/Sao_Paulo', description: 'Overrides the workspace time zone for these hours.' })
  @IsOptional()
  @IsIanaTimeZone()
  timezone?: string;

  @ApiProperty({ type: BusinessDaysDto, example: { mon: [{ start: '09:00', end: '18:00' }], sat: [{ start: '09:00', end: '13:00' }] } })
  @IsDefined()
  @ValidateNested()
  @Type(() => BusinessDaysDto)
  days!: BusinessDaysDto;

  @ApiPropertyOptional({ type: [String], example: ['2026-12-25', '01-01'], description: 'Closed all day: YYYY-MM-DD once, or MM-DD every year.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_HOLIDAYS)
  @IsHoliday({ each: true })
  holidays?: string[];
}
