import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { Agent, type Dispatcher, request } from "undici";
import type { ServerConfig } from "../config/server-config.ts";
import { RecognitionError } from "../errors.ts";
import { AddressPolicy } from "./address-policy.ts";

/** The documented `Url` limit (api.md §1, `exceededImageUrlLength`). */
export const MAX_IMAGE_URL_LENGTH = 2048;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Raised inside the connector when a host resolves to a refused address; mapped to `notSafeImageUrl`. */
class UnsafeAddressError extends Error {
  constructor(hostname: string) {
    super(`${hostname} resolves to an address that may not be fetched`);
    this.name = "UnsafeAddressError";
  }
}

/**
 * Downloads the image a `Url` names, as safely as a server that fetches on behalf of strangers must:
 * http(s) only, at most 2048 characters; every host resolved and each address checked by {@link AddressPolicy};
 * the socket connected to exactly the address that was checked (the lookup is the connector's, so a second DNS
 * answer cannot slip in: no DNS-rebinding gap); connect and total time limits (`imageTimeOut`); at most
 * `maxRedirects` redirects, each checked the same way; the size capped while streaming (`exceededImageContent`).
 * Anything else that goes wrong is `IllegalImageUrl` (api.md §5).
 *
 * @example
 * const fetcher = new ImageUrlFetcher(config.urlFetch);
 * const image = await fetcher.fetch("https://example.com/scan.jpg", signal);
 * await fetcher.close();
 */
export class ImageUrlFetcher {
  readonly #config: ServerConfig["urlFetch"];
  readonly #policy: AddressPolicy;
  readonly #agent: Agent;

  constructor(config: ServerConfig["urlFetch"]) {
    this.#config = config;
    this.#policy = new AddressPolicy(config.allowPrivateNetworks);
    this.#agent = new Agent({
      connect: { timeout: config.connectTimeoutMs, lookup: checkedLookup(this.#policy) },
      headersTimeout: config.totalTimeoutMs,
      bodyTimeout: config.totalTimeoutMs,
    });
  }

  /** Fetches the image bytes; `signal` aborts the download (the caller's reason is rethrown). */
  async fetch(url: string, signal: AbortSignal): Promise<Uint8Array> {
    let current = this.#parse(url);
    const deadline = AbortSignal.timeout(this.#config.totalTimeoutMs);
    const combined = AbortSignal.any([signal, deadline]);
    try {
      for (let redirects = 0; ; redirects += 1) {
        const response = await request(current, {
          method: "GET",
          dispatcher: this.#agent,
          signal: combined,
          headers: { accept: "image/*", "user-agent": "zhengzhao" },
        });
        const location = response.headers.location;
        if (REDIRECT_STATUSES.has(response.statusCode) && typeof location === "string") {
          await response.body.dump();
          if (redirects >= this.#config.maxRedirects) throw illegal("too many redirects");
          current = this.#parse(new URL(location, current).href);
          continue;
        }
        if (response.statusCode < 200 || response.statusCode > 299) {
          await response.body.dump();
          throw illegal(`the image server answered ${response.statusCode}`);
        }
        return await this.#readCapped(response.body, response.headers["content-length"]);
      }
    } catch (error) {
      throw classify(error, signal, deadline);
    }
  }

  /** Closes the pooled connections. */
  close(): Promise<void> {
    return this.#agent.close();
  }

  #parse(text: string): URL {
    if (text.length > MAX_IMAGE_URL_LENGTH) throw new RecognitionError("exceededImageUrlLength");
    let url: URL;
    try {
      url = new URL(text);
    } catch (error) {
      throw new RecognitionError("IllegalImageUrl", "The image URL is not a valid URL.", { cause: error });
    }
    if (url.protocol !== "http:" && url.protocol !== "https:")
      throw illegal("only http and https URLs are fetched");
    const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
    // An IP literal never reaches the lookup below, so it is checked here.
    if (isIP(host) !== 0 && !this.#policy.isAllowed(host)) throw new RecognitionError("notSafeImageUrl");
    return url;
  }

  async #readCapped(body: Dispatcher.ResponseData["body"], length: unknown): Promise<Uint8Array> {
    const maxBytes = this.#config.maxBytes;
    if (Number(length) > maxBytes) {
      body.on("error", () => {}); // destroying emits an abort error nobody else listens for
      body.destroy();
      throw new RecognitionError("exceededImageContent");
    }
    const chunks: Uint8Array[] = [];
    let received = 0;
    for await (const chunk of body) {
      received += chunk.length;
      if (received > maxBytes) throw new RecognitionError("exceededImageContent"); // leaving the loop destroys it
      chunks.push(chunk);
    }
    return Buffer.concat(chunks, received);
  }
}

function illegal(reason: string): RecognitionError {
  return new RecognitionError("IllegalImageUrl", `The image URL is unavailable: ${reason}.`);
}

/** A `lookup` for the connector that resolves every address and refuses the host if any of them is refused. */
function checkedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options: LookupOptions, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const first = addresses[0];
      if (first === undefined || addresses.some((entry) => !policy.isAllowed(entry.address))) {
        return callback(new UnsafeAddressError(hostname), "", 0);
      }
      if (options.all) return callback(null, addresses);
      return callback(null, first.address, first.family);
    });
  };
}

function classify(error: unknown, callerSignal: AbortSignal, deadline: AbortSignal): unknown {
  if (error instanceof RecognitionError) return error;
  if (callerSignal.aborted) return callerSignal.reason;
  if (deadline.aborted || hasCode(error, /^UND_ERR_(CONNECT|HEADERS|BODY)_TIMEOUT$/)) {
    return new RecognitionError("imageTimeOut", undefined, { cause: error });
  }
  if (causes(error).some((cause) => cause instanceof UnsafeAddressError)) {
    return new RecognitionError("notSafeImageUrl", undefined, { cause: error });
  }
  return new RecognitionError("IllegalImageUrl", undefined, { cause: error });
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current !== undefined && chain.length < 8; current = (current as Error).cause) {
    chain.push(current);
    if (!(current instanceof Error)) break;
  }
  return chain;
}

function hasCode(error: unknown, pattern: RegExp): boolean {
  return causes(error).some((cause) =>
    pattern.test(String((cause as { code?: unknown } | null)?.code ?? "")),
  );
}
