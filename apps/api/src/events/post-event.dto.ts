import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

/** `namespace.event`: lower-case words joined by dots (cart.abandoned, order.created, loyalty.points_earned). */
export const EVENT_NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

/** Who the event is about: at least one of phone, email or externalId. */
export class EventContactDto {
  @ApiPropertyOptional({ maxLength: 40, example: '+5511987654321', description: 'Any usual notation; read in E.164 with the workspace country.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({ maxLength: 320, example: 'ana@example.com' })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ maxLength: 255, example: 'cust_1029', description: 'Your customer id; kept as the contact attribute external_id.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  externalId?: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'Ana Souza', description: 'Used when the contact is created.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;
}

export class PostEventDto {
  @ApiProperty({
    maxLength: 100,
    example: 'cart.abandoned',
    description: 'cart.abandoned, order.created, order.paid, order.shipped, order.delivered, order.cancelled (commerce events: they can start flows), or any namespace.event.',
  })
  @IsString()
  @MaxLength(100)
  @Matches(EVENT_NAME, { message: 'name must look like namespace.event (lower-case letters, digits, _; e.g. order.created)' })
  name!: string;

  @ApiProperty({ maxLength: 255, example: 'cart-8812-abandoned', description: 'Your idempotency key: posting the same id again stores nothing new.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  id!: string;

  @ApiProperty({ type: EventContactDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => EventContactDto)
  contact!: EventContactDto;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { token: 'cart-tok-1', total: 349.8, recovery_path: 'checkout/recover/cart-tok-1' },
    description: 'The event object: for cart.abandoned the cart (flows read it as cart.*), for order.* the order (order.*); a waiting step reads it as event.*.',
  })
  @IsDefined()
  @IsObject()
  data!: Record<string, unknown>;
}

export class EventAcceptedDto {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ description: 'true when this id was posted before: nothing new was stored.' })
  duplicate!: boolean;
}
