import type { Invitation } from '../../database/entities/index.js';
import type { InvitationDto } from './invitation.dto.js';
import { invitationStatus } from './invitation.repository.js';

export function toInvitationDto(invitation: Invitation, now: Date): InvitationDto {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    status: invitationStatus(invitation, now) === 'expired' ? 'expired' : 'pending',
    expiresAt: invitation.expiresAt,
    createdAt: invitation.createdAt,
    invitedBy: invitation.invitedBy,
  };
}
