import { ApiProperty } from '@nestjs/swagger';
import { OPT_IN_STATUSES, type OptInStatus } from '../../database/entities/index.js';

export class ContactIdentityDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'whatsapp' })
  channel!: string;

  @ApiProperty({ example: '+5511987654321' })
  externalId!: string;

  @ApiProperty()
  createdAt!: string;
}

export class ContactOptInDto {
  @ApiProperty({ enum: OPT_IN_STATUSES })
  status!: OptInStatus;

  @ApiProperty({ type: String, nullable: true })
  optedInAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  optedOutAt!: string | null;
}

export class ContactSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, nullable: true })
  name!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'What flows read as contact.first_name.' })
  firstName!: string | null;

  @ApiProperty({ type: String, nullable: true })
  email!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'E.164.' })
  phone!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  attributes!: Record<string, unknown>;

  @ApiProperty({ type: [String] })
  tags!: string[];

  @ApiProperty({ type: ContactOptInDto })
  optIn!: ContactOptInDto;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty()
  updatedAt!: string;
}

export class ContactDto extends ContactSummaryDto {
  @ApiProperty({ type: [ContactIdentityDto] })
  identities!: ContactIdentityDto[];
}

export class ContactPageDto {
  @ApiProperty({ type: [ContactSummaryDto] })
  items!: ContactSummaryDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}
