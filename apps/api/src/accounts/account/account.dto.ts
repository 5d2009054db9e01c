import { ApiProperty } from '@nestjs/swagger';
import type { User } from '../../database/entities/index.js';
import { MyWorkspaceDto } from '../../workspaces/workspace/workspace.dto.js';

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'ana@example.com' })
  email!: string;

  @ApiProperty({ example: 'Ana Souza' })
  name!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
}

/** Who I am, where I belong, and which workspace requests without X-Workspace-Id act in. */
export class AccountDto {
  @ApiProperty({ type: UserDto })
  user!: UserDto;

  @ApiProperty({ type: [MyWorkspaceDto], description: 'My workspaces and my role in each, oldest membership first.' })
  workspaces!: MyWorkspaceDto[];

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The workspace of requests that send no X-Workspace-Id (the last one this session used); null with no workspace.',
  })
  currentWorkspaceId!: string | null;
}

/** A new session: the same token is in the session cookie and usable as a bearer token. */
export class SessionDto extends AccountDto {
  @ApiProperty({ description: 'Opaque session token: send it as `Authorization: Bearer <token>` from scripts. Browsers use the cookie.' })
  token!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'Unless used again: each use extends the session to 30 days.' })
  expiresAt!: Date;
}

export function toUserDto(user: User): UserDto {
  return { id: user.id, email: user.email, name: user.name, createdAt: user.createdAt };
}

export function toSessionDto(user: User, session: { token: string; expiresAt: Date; workspaces: MyWorkspaceDto[]; currentWorkspaceId: string | null }): SessionDto {
  return {
    token: session.token,
    expiresAt: session.expiresAt,
    user: toUserDto(user),
    workspaces: session.workspaces,
    currentWorkspaceId: session.currentWorkspaceId,
  };
}
