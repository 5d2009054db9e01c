import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, MaxLength } from 'class-validator';
import { ROLES, type Role } from '../../security/roles.js';

export class CreateInvitationDto {
  @ApiProperty({ example: 'bruno@example.com', maxLength: 320 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ enum: ROLES, description: 'You may not invite above your own role; only an owner invites owners.' })
  @IsIn(ROLES)
  role!: Role;
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'bruno@example.com' })
  email!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ enum: ['pending', 'expired'], description: 'Accepted and revoked invitations are not listed.' })
  status!: 'pending' | 'expired';

  @ApiProperty({ type: String, format: 'date-time' })
  expiresAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The user who invited, if a person did.' })
  invitedBy!: string | null;
}

export class InvitationsDto {
  @ApiProperty({ type: [InvitationDto] })
  invitations!: InvitationDto[];
}

export class CreatedInvitationDto extends InvitationDto {
  @ApiProperty({ description: 'The secret of the invitation link. Shown only in this response; stored hashed.' })
  token!: string;

  @ApiProperty({
    example: '/accept-invitation#token=…',
    description: 'The accept link, relative to the Jornada address: share it with the invitee. The token is in the fragment so it never reaches server logs.',
  })
  acceptPath!: string;

  @ApiProperty({
    enum: ['manual'],
    description: 'How the invitation reaches the invitee. Jornada sends no email yet: share the link yourself.',
  })
  delivery!: 'manual';
}
