import type { LookupFunction } from 'node:net';
import { decideAddress, type AddressPolicy } from './address-policy.js';
import type { HostResolver } from './host-resolver.js';
import { formatIp, parseIp, type IpAddress } from './ip-address.js';

/** Thrown into the socket when an address is refused; the executor reports its message. */
export class RefusedAddressError extends Error {
  override readonly name = 'RefusedAddressError';
}

/**
 * The checks for one connection, against DNS rebinding: the socket gets its addresses from
 * `lookup` below, which resolves the name, checks EVERY address (one refused address refuses
 * the name: a host that mixes public and private answers is not trusted) and hands exactly
 * those to the socket. There is no second lookup between the check and the connect. Then
 * `verifyConnected` checks the peer of the connected socket once more.
 */
export class ConnectionGuard {
  /** Addresses checked and handed to the socket, as `formatIp` keys. */
  private readonly checked = new Set<string>();
  /** The address the socket connected to, once it has. */
  connectedAddress: string | undefined;

  constructor(private readonly options: { policy: AddressPolicy; resolver: HostResolver; hostname: string }) {}

  /** For a URL whose host is an IP address: Node connects to it without any lookup. */
  checkLiteral(address: IpAddress): void {
    this.admit(address);
  }

  readonly lookup: LookupFunction = (hostname, options, callback) => {
    this.resolveChecked(hostname).then(
      (addresses) => {
        const family = familyOf(options.family);
        const wanted = family === undefined ? addresses : addresses.filter((a) => a.family === family);
        if (options.all === true) {
          callback(null, wanted);
          return;
        }
        const first = wanted[0];
        if (first === undefined) callback(Object.assign(new Error(`No IPv${String(family)} address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
        else callback(null, first.address, first.family);
      },
      (error: unknown) => {
        callback(error instanceof Error ? error : new Error(String(error)), '', 0);
      },
    );
  };

  /** Called on the socket's `connect`; throws RefusedAddressError if the peer was never checked. */
  verifyConnected(remoteAddress: string | undefined): void {
    const address = remoteAddress === undefined ? undefined : parseIp(remoteAddress);
    if (address === undefined || !this.checked.has(formatIp(address))) {
      throw new RefusedAddressError(`Refused: the connection went to ${remoteAddress ?? 'an unknown address'}, which was not checked.`);
    }
    this.admit(address);
    this.connectedAddress = formatIp(address);
  }

  private async resolveChecked(hostname: string): Promise<Array<{ address: string; family: 4 | 6 }>> {
    if (hostname !== this.options.hostname) throw new RefusedAddressError(`Refused: unexpected lookup of ${hostname}.`);
    const answers = await this.options.resolver.resolve(hostname);
    if (answers.length === 0) throw Object.assign(new Error(`No address for ${hostname}`), { code: 'ENOTFOUND' });
    const admitted = answers.map(({ address }) => {
      const parsed = parseIp(address);
      if (parsed === undefined) throw new RefusedAddressError(`Refused: ${hostname} resolved to ${JSON.stringify(address)}, which is not an IP address.`);
      this.admit(parsed);
      return { address: formatIp(parsed), family: parsed.family };
    });
    return admitted;
  }

  private admit(address: IpAddress): void {
    const decision = decideAddress(this.options.policy, { hostname: this.options.hostname, address });
    if (!decision.allowed) throw new RefusedAddressError(decision.message);
    this.checked.add(formatIp(address));
  }
}

function familyOf(family: number | string | undefined): 4 | 6 | undefined {
  if (family === 4 || family === 'IPv4') return 4;
  if (family === 6 || family === 'IPv6') return 6;
  return undefined;
}
