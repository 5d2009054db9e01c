import type { ContactIdentityRecord } from './contact-identity.repository.js';
import type { ContactRecord } from './contact.repository.js';
import type { ContactDto, ContactIdentityDto, ContactSummaryDto } from './dto/contact-responses.dto.js';

export function toContactSummary(contact: ContactRecord): ContactSummaryDto {
  return {
    id: contact.id,
    name: contact.name,
    firstName: contact.firstName,
    email: contact.email,
    phone: contact.phone,
    attributes: contact.attributes,
    tags: [...contact.tags],
    optIn: {
      status: contact.optInStatus,
      optedInAt: contact.optedInAt?.toISOString() ?? null,
      optedOutAt: contact.optedOutAt?.toISOString() ?? null,
    },
    createdAt: contact.createdAt.toISOString(),
    updatedAt: contact.updatedAt.toISOString(),
  };
}

export function toContact(contact: ContactRecord, identities: readonly ContactIdentityRecord[]): ContactDto {
  return { ...toContactSummary(contact), identities: identities.map(toIdentity) };
}

export function toIdentity(identity: ContactIdentityRecord): ContactIdentityDto {
  return { id: identity.id, channel: identity.channel, externalId: identity.externalId, createdAt: identity.createdAt.toISOString() };
}
