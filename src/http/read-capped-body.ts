import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { RecognitionError } from "../errors.ts";

/** The body as received and its SHA-256, which the signature covers (alibaba-wire-protocol.md §2.1 step 1). */
export interface CappedBody {
  bytes: Buffer;
  sha256: string;
}

/**
 * Reads a request body, chunked or with Content-Length, hashing as it goes, and stops at `maxBytes` with
 * `exceededImageContent` (api.md §2: "stop reading at the limit; never buffer more"). A Content-Length over the
 * limit is refused before a byte is read.
 *
 * After the limit the rest of the upload is drained and dropped rather than the socket reset: the SDK is still
 * writing (§1.3 "11 MB body"), and a reset would reach it as a bare socket error instead of the 413. The connection
 * is closed once the answer is sent (see `build-app.ts`), and the drain gives up after another `maxBytes`.
 */
export function readCappedBody(request: IncomingMessage, maxBytes: number): Promise<CappedBody> {
  const declared = Number(request.headers["content-length"] ?? Number.NaN);
  if (declared > maxBytes) {
    drainAndDrop(request, maxBytes);
    return Promise.reject(tooLarge(maxBytes));
  }
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) {
        request.off("data", onData).off("end", onEnd).off("error", reject);
        drainAndDrop(request, maxBytes);
        reject(tooLarge(maxBytes));
        return;
      }
      hash.update(chunk);
      chunks.push(chunk);
    };
    const onEnd = () => resolve({ bytes: Buffer.concat(chunks, received), sha256: hash.digest("hex") });
    // A client that goes away mid-upload may close without an error; never leave the handler waiting.
    const onClose = () => {
      if (!request.complete) reject(new Error("the client closed the connection during the upload"));
    };
    request.on("data", onData).once("end", onEnd).once("error", reject).once("close", onClose);
  });
}

function drainAndDrop(request: IncomingMessage, limit: number): void {
  let dropped = 0;
  request.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > limit) request.destroy();
  });
  request.on("error", () => {});
  request.resume();
}

function tooLarge(maxBytes: number): RecognitionError {
  return new RecognitionError(
    "exceededImageContent",
    `The image content size exceeds the ${maxBytes / (1024 * 1024)} MB limit.`,
  );
}
