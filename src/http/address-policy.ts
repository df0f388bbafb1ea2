import { BlockList, isIP } from "node:net";

// Addresses that are not on the public internet (IANA special-purpose registries). A `Url` pointing at one of them
// is how a caller reaches the server's own network (SSRF), so they are refused unless configured (api.md §5).
const NON_PUBLIC_IPV4: ReadonlyArray<[string, number]> = [
  ["0.0.0.0", 8], // "this network", unspecified
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata endpoints
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved and broadcast
];

const NON_PUBLIC_IPV6: ReadonlyArray<[string, number]> = [
  ["::", 128], // unspecified
  ["::1", 128],
  ["::", 96], // IPv4-compatible (deprecated)
  ["100::", 64], // discard
  ["2001::", 23], // IETF protocol assignments, Teredo included
  ["2001:db8::", 32],
  ["fc00::", 7], // unique-local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
];

/**
 * Decides which resolved addresses an image `Url` may connect to: public ones, plus the configured blocks.
 * IPv4-mapped IPv6 addresses (`::ffff:127.0.0.1`) are judged as the IPv4 address they carry (Node's `BlockList`
 * does this), and so are NAT64 (`64:ff9b::/96`) and 6to4 (`2002::/16`) addresses.
 *
 * @example
 * const policy = new AddressPolicy(["10.1.0.0/16"]);
 * policy.isAllowed("10.1.2.3"); // true
 * policy.isAllowed("192.168.0.1"); // false
 */
export class AddressPolicy {
  readonly #nonPublic = new BlockList();
  readonly #allowed = new BlockList();

  /** @param allowedNetworks CIDR blocks (`127.0.0.0/8`, `fd00::/8`) that may be reached although not public. */
  constructor(allowedNetworks: readonly string[] = []) {
    for (const [address, prefix] of NON_PUBLIC_IPV4) this.#nonPublic.addSubnet(address, prefix, "ipv4");
    for (const [address, prefix] of NON_PUBLIC_IPV6) this.#nonPublic.addSubnet(address, prefix, "ipv6");
    for (const network of allowedNetworks) {
      const [address = "", prefix = ""] = network.split("/");
      const family = isIP(address);
      if (family === 0 || !/^\d+$/.test(prefix)) throw new Error(`Not a CIDR block: ${network}`);
      this.#allowed.addSubnet(address, Number(prefix), family === 4 ? "ipv4" : "ipv6");
    }
  }

  /** Whether a connection to this IP address (v4 or v6 literal) is permitted. Anything not an IP is refused. */
  isAllowed(address: string): boolean {
    const family = isIP(address);
    if (family === 0) return false;
    const type = family === 4 ? "ipv4" : "ipv6";
    if (this.#allowed.check(address, type)) return true;
    if (this.#nonPublic.check(address, type)) return false;
    const embedded = family === 6 ? embeddedIpv4(address) : undefined;
    return embedded === undefined || this.isAllowed(embedded);
  }
}

/** The IPv4 address inside a NAT64 (`64:ff9b::/96`) or 6to4 (`2002::/16`) address, if it is one. */
function embeddedIpv4(address: string): string | undefined {
  const groups = expandIpv6(address);
  if (groups === undefined) return undefined;
  const isNat64 =
    groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((group) => group === 0);
  if (isNat64) return ipv4FromGroups(groups[6] ?? 0, groups[7] ?? 0);
  if (groups[0] === 0x2002) return ipv4FromGroups(groups[1] ?? 0, groups[2] ?? 0);
  return undefined;
}

function ipv4FromGroups(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

/** The eight 16-bit groups of an IPv6 literal (zone ids dropped, a dotted IPv4 tail converted). */
function expandIpv6(address: string): number[] | undefined {
  let text = address.split("%")[0] ?? "";
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1] !== undefined) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted[1].split(".").map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const parse = (part: string) =>
    part === "" ? [] : part.split(":").map((group) => Number.parseInt(group, 16));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const zeros = tail === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...new Array<number>(Math.max(0, zeros)).fill(0), ...right];
  return groups.length === 8 && groups.every((group) => Number.isInteger(group)) ? groups : undefined;
}
