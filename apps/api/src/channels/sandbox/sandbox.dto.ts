import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class CreateSandboxConversationDto {
  @ApiPropertyOptional({ maxLength: 200, example: 'Ana Souza', description: 'The simulated contact’s name (flows read it as contact.name).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  contactName?: string;
}

export class SandboxConversationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty({ description: 'The simulated sender’s id on the sandbox channel.' }) sender!: string;
}

/** What the simulated customer sends: a text, or the tap of a button / list row. */
export class SendSandboxMessageDto {
  @ApiPropertyOptional({ maxLength: 4096, example: 'oi' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4096)
  text?: string;

  @ApiPropertyOptional({ maxLength: 256, example: 'order', description: 'The id of the tapped button (with `title`).' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  buttonId?: string;

  @ApiPropertyOptional({ maxLength: 256, example: 'Where is my order' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  title?: string;

  @ApiPropertyOptional({ maxLength: 255, description: 'The client’s id for this message: posting it again is a duplicate, processed once. Generated when absent.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  messageId?: string;
}

export class SandboxAcceptedView {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ description: 'True when this message id was already received: nothing new is processed.' }) duplicate!: boolean;
}

export class SandboxMessageView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) conversationId!: string;
  @ApiProperty({ enum: ['in', 'out'] }) direction!: 'in' | 'out';
  @ApiProperty({ example: 'text' }) kind!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) content!: Record<string, unknown>;
  @ApiProperty({ example: 'sent' }) status!: string;
  @ApiProperty({ type: String, nullable: true }) providerMessageId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
