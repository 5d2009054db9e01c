import { lookup } from 'node:dns/promises';
import { Injectable } from '@nestjs/common';

export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/**
 * Turns a host name into addresses. The executor checks every one of them and connects only
 * to those it checked; tests bind their own resolver to play DNS (public names, rebinding).
 * Errors carry Node's DNS codes (`ENOTFOUND`, `EAI_AGAIN`…).
 */
export abstract class HostResolver {
  abstract resolve(hostname: string): Promise<readonly ResolvedAddress[]>;
}

/** The operating system's resolver (getaddrinfo: /etc/hosts, then DNS), as Node's http would use. */
@Injectable()
export class SystemHostResolver extends HostResolver {
  async resolve(hostname: string): Promise<readonly ResolvedAddress[]> {
    const answers = await lookup(hostname, { all: true, verbatim: true });
    return answers.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
  }
}
