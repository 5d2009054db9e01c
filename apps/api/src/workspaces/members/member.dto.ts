import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ROLES, type Role } from '../../security/roles.js';

export class MemberDto {
  @ApiProperty({ format: 'uuid', description: 'The membership id (use it in /members/{memberId}).' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ example: 'ana@example.com' })
  email!: string;

  @ApiProperty({ example: 'Ana Souza' })
  name!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ type: String, format: 'date-time' })
  joinedAt!: Date;
}

export class MembersDto {
  @ApiProperty({ type: [MemberDto] })
  members!: MemberDto[];
}

export class ChangeMemberRoleDto {
  @ApiProperty({ enum: ROLES, description: 'Only an owner may make or unmake an owner; a workspace always keeps one owner.' })
  @IsIn(ROLES)
  role!: Role;
}
