import { ApiError } from '../http/api-error.js';

export function contactNotFound(id: string): ApiError {
  return new ApiError({ status: 404, code: 'not_found', message: `No contact with id ${id}.` });
}

export function identityNotFound(id: string): ApiError {
  return new ApiError({ status: 404, code: 'not_found', message: `This contact has no identity with id ${id}.` });
}

/** Phone and email are unique among a workspace's contacts: the answer names the one that has it. */
export function contactExists({ field, contactId }: { field: 'phone' | 'email'; contactId: string }): ApiError {
  return new ApiError({
    status: 409,
    code: 'contact_exists',
    message: `Another contact (${contactId}) already has this ${field}.`,
    details: [{ field, message: `${field} already belongs to contact ${contactId}` }],
    meta: { contactId, field },
  });
}

export function identityTaken({ channel, externalId, contactId, identityId }: { channel: string; externalId: string; contactId: string; identityId: string }): ApiError {
  return new ApiError({
    status: 409,
    code: 'identity_exists',
    message: `The ${channel} id ${externalId} already belongs to contact ${contactId}.`,
    details: [{ field: 'externalId', message: `${channel} ${externalId} already belongs to contact ${contactId}` }],
    meta: { contactId, identityId, channel, externalId },
  });
}
