import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ContactIdentityRepository } from '../contacts/contact-identity.repository.js';
import { EMPTY_CONTACT } from '../contacts/contact-state.js';
import { ContactWriter } from '../contacts/contact-writer.js';
import { ContactRepository } from '../contacts/contact.repository.js';

const PHONE_CHANNELS = new Set(['whatsapp', 'sms']);
const E164 = /^\+[1-9][0-9]{1,14}$/;

/**
 * The contact an inbound message comes from, by its identity on the channel; a new sender
 * becomes a contact (or, on a phone channel, is linked to the contact that already has the
 * number). Call it holding the sender lock: that is what keeps two first messages of one
 * sender from creating two contacts.
 */
@Injectable()
export class ContactResolver {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly identities: ContactIdentityRepository,
    private readonly writer: ContactWriter,
  ) {}

  async resolve(tx: EntityManager, { workspaceId, channel, sender, name }: { workspaceId: string; channel: string; sender: string; name?: string | undefined }): Promise<string> {
    const known = await this.identities.findByExternalId({ workspaceId, channel, externalId: sender }, tx);
    if (known !== null) return known.contactId;
    const phone = PHONE_CHANNELS.has(channel) && E164.test(sender) ? sender : null;
    let contactId: string | undefined;
    if (phone !== null) {
      await this.contacts.lockValues(tx, { workspaceId, phone, email: null });
      contactId = (await this.contacts.findOwnerOf(tx, { workspaceId, phone, email: null }))?.id;
    }
    if (contactId === undefined) {
      const trimmed = name?.trim().slice(0, 200);
      const state = { ...EMPTY_CONTACT, phone, name: trimmed || null, firstName: trimmed?.split(/\s+/)[0]?.slice(0, 100) ?? null };
      contactId = (await this.writer.write(tx, { workspaceId, state })).id;
    }
    const added = await this.identities.insert({ workspaceId, contactId, channel, externalId: sender }, tx);
    if (added !== null) return contactId;
    // Added meanwhile through the API (which does not take the sender lock): that contact wins.
    const existing = await this.identities.findByExternalId({ workspaceId, channel, externalId: sender }, tx);
    return existing?.contactId ?? contactId;
  }
}
