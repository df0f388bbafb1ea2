import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * A loopback proxy for tests: in "record" mode it forwards the SDK's request and keeps a copy; in "replay" mode it
 * forwards the kept copy instead of what the SDK sent, and hands the answer back to the SDK. That is how a replayed
 * nonce is made to arrive through the real SDK.
 */
export class ReplayProxy {
  mode: "record" | "replay" = "record";
  #recorded: Recorded | undefined;
  readonly #server: Server;
  readonly #target: { host: string; port: number };

  constructor(target: { host: string; port: number }) {
    this.#target = target;
    this.#server = createServer(async (incoming, outgoing) => {
      const chunks: Buffer[] = [];
      for await (const chunk of incoming) chunks.push(chunk as Buffer);
      const current = {
        method: incoming.method ?? "POST",
        url: incoming.url ?? "/",
        headers: incoming.headers,
      };
      if (this.mode === "record") this.#recorded = { ...current, body: Buffer.concat(chunks) };
      const sent =
        this.mode === "replay" && this.#recorded
          ? this.#recorded
          : { ...current, body: Buffer.concat(chunks) };
      const { "transfer-encoding": _chunked, ...headers } = sent.headers;
      const forward = httpRequest(
        {
          ...this.#target,
          method: sent.method,
          path: sent.url,
          headers: { ...headers, "content-length": sent.body.length },
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      forward.end(sent.body);
    });
  }

  /** Starts listening on loopback and returns `host:port` for the SDK's endpoint. */
  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
    return `127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}
