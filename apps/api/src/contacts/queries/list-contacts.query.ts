import { Injectable } from '@nestjs/common';
import { parsePhone } from '@jornada/flow-engine';
import type { OptInStatus } from '../../database/entities/index.js';
import { decodeCursor, encodeCursor } from '../../flows/keyset-cursor.js';
import { foldForSearch, normalizeTags } from '../contact-fields.js';
import { toContactSummary } from '../contact-views.js';
import { ContactRepository, type ContactSearch } from '../contact.repository.js';
import type { ContactPageDto } from '../dto/contact-responses.dto.js';
import { WorkspaceCountryReader } from '../workspace-country.reader.js';

const DEFAULT_PAGE_SIZE = 50;

/** A page of contacts, newest first, filtered by a search term, tags and consent. */
@Injectable()
export class ListContactsQuery {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly countries: WorkspaceCountryReader,
  ) {}

  async execute(query: {
    workspaceId: string;
    search?: string | undefined;
    tag?: string[] | undefined;
    optIn?: OptInStatus | undefined;
    cursor?: string | undefined;
    limit?: number | undefined;
  }): Promise<ContactPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const term = query.search?.trim() ?? '';
    const search = term === '' ? undefined : await this.searchFor(query.workspaceId, term);
    const rows = await this.contacts.list({
      workspaceId: query.workspaceId,
      search,
      tags: query.tag === undefined ? undefined : normalizeTags(query.tag),
      optIn: query.optIn,
      after: decodeCursor(query.cursor),
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { items: page.map(toContactSummary), nextCursor: rows.length > limit && last !== undefined ? encodeCursor(last.position) : null };
  }

  /**
   * One term, matched against what it could be. A whole phone number in any local notation
   * (read with the workspace's country) is an exact, indexed match on the E.164 phone; other
   * phone-like text matches digits of phones or part of an email; anything else matches part
   * of a name (any case or accent) or of an email.
   */
  private async searchFor(workspaceId: string, term: string): Promise<ContactSearch> {
    const digits = term.replace(/\D/g, '');
    if (digits.length >= 3 && /^[\d\s()+.-]+$/.test(term)) {
      const phone = parsePhone(term, (await this.countries.find(workspaceId)) ?? '');
      return phone.ok ? { phone: phone.value } : { phoneDigits: digits, emailPart: term.toLowerCase() };
    }
    return { foldedName: foldForSearch(term), emailPart: term.toLowerCase() };
  }
}
