import { MAX_IMAGE_BYTES } from "../config/server-config.ts";
import { RecognitionError } from "../errors.ts";

/** Room for a multipart envelope (boundaries, part headers, a `url` field) around a 10 MB image. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** What the page's route was sent: image bytes (possibly none) or an image URL for the server to fetch. */
export type WebUpload = { image: Uint8Array } | { url: string };

/** How many body bytes to accept for a content type: the image cap, plus the envelope for multipart. */
export function uploadByteLimit(contentType: string | undefined): number {
  return isMultipart(contentType) ? MAX_IMAGE_BYTES + MULTIPART_OVERHEAD_BYTES : MAX_IMAGE_BYTES;
}

/**
 * Reads the body of `POST /api/recognize`, already capped by {@link uploadByteLimit}:
 * - `multipart/form-data`: the file in the field `image`, else the text field `url`;
 * - `application/json`: `{"url": "…"}` (the URL travels in the body, so it stays out of proxies' access logs);
 * - anything else: the body is the image bytes.
 * Multipart and JSON are parsed by Node's own fetch implementation (undici). A malformed envelope is
 * `InvalidParameter`; an image file over 10 MB is `exceededImageContent`.
 */
export async function parseWebUpload(contentType: string | undefined, body: Buffer): Promise<WebUpload> {
  if (isMultipart(contentType)) return fromMultipart(contentType as string, body);
  if (mediaType(contentType) === "application/json") return fromJson(body);
  return { image: body };
}

async function fromMultipart(contentType: string, body: Buffer): Promise<WebUpload> {
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch (error) {
    throw new RecognitionError("InvalidParameter", "The multipart body is malformed.", { cause: error });
  }
  const image = form.get("image");
  if (image !== null && typeof image !== "string") {
    if (image.size > MAX_IMAGE_BYTES) throw new RecognitionError("exceededImageContent");
    return { image: new Uint8Array(await image.arrayBuffer()) };
  }
  const url = form.get("url");
  if (typeof url === "string" && url !== "") return { url };
  return { image: new Uint8Array() };
}

function fromJson(body: Buffer): WebUpload {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch (error) {
    throw new RecognitionError("InvalidParameter", "The JSON body is malformed.", { cause: error });
  }
  const url = (parsed as { url?: unknown } | null)?.url;
  if (url === undefined || url === "") return { image: new Uint8Array() };
  if (typeof url !== "string") throw new RecognitionError("InvalidParameter", "Expected url to be a string.");
  return { url };
}

function mediaType(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

function isMultipart(contentType: string | undefined): boolean {
  return mediaType(contentType) === "multipart/form-data";
}
