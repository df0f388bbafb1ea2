import { availableParallelism } from "node:os";
import { z } from "zod";

/** The actions the service answers (api.md §1). */
export const ACTIONS = ["RecognizeHousehold", "RecognizeBirthCertification"] as const;

/** One of {@link ACTIONS}. */
export type Action = (typeof ACTIONS)[number];

/** The image size cap of the protocol (`exceededImageContent`, api.md §2): 10 MB, never more. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

const cidr = z
  .string()
  .regex(/^[0-9A-Fa-f:.]+\/\d{1,3}$/, "expected a CIDR block such as 10.0.0.0/8 or fd00::/8");

const keySchema = z.strictObject({
  accessKeyId: z.string().min(1),
  accessKeySecret: z.string().min(1),
  actions: z
    .array(z.enum(ACTIONS))
    .min(1)
    .prefault([...ACTIONS]),
  /** Sustained requests per second for this key; bursts up to the same number. Unlimited when absent. */
  ratePerSecond: z.number().positive().optional(),
});

const urlFetchSchema = z.strictObject({
  /** Private, loopback or otherwise non-public blocks a `Url` may still point at (e.g. an intranet image store). */
  allowPrivateNetworks: z.array(cidr).prefault([]),
  connectTimeoutMs: z.number().int().positive().prefault(5_000),
  totalTimeoutMs: z.number().int().positive().prefault(15_000),
  /** The protocol allows 3 redirects; fewer may be configured, never more. */
  maxRedirects: z.number().int().min(0).max(3).prefault(3),
  maxBytes: z.number().int().positive().max(MAX_IMAGE_BYTES).prefault(MAX_IMAGE_BYTES),
});

/** The schema of the server configuration: every key has a default, unknown keys are rejected. */
export const serverConfigSchema = z.strictObject({
  host: z.string().min(1).prefault("0.0.0.0"),
  port: z.number().int().min(0).max(65_535).prefault(8080),
  /** Access keys; with none, the server runs open and only on loopback (see `listenHost`). */
  keys: z.array(keySchema).prefault([]),
  urlFetch: urlFetchSchema.prefault({}),
  /** Requests waiting for a worker beyond those running; past it `Throttling.User`. */
  queueSize: z.number().int().min(0).prefault(64),
  /** Time from admission to the answer, queue wait included; past it `ServiceTimeout`. */
  requestTimeoutMs: z.number().int().positive().prefault(30_000),
  /** Recognitions running at once (the worker pool's size, when it exists). */
  workers: z
    .number()
    .int()
    .positive()
    .prefault(() => availableParallelism()),
  /** Bound on remembered signature nonces (about 100 bytes each). */
  nonceCapacity: z.number().int().positive().prefault(100_000),
  /** `HostId` in error bodies (alibaba-wire-protocol.md §3.2). */
  hostId: z.string().min(1).prefault("zhengzhao"),
});

/** The complete, validated server configuration. */
export type ServerConfig = z.infer<typeof serverConfigSchema>;

/** One access key of {@link ServerConfig}. */
export type AccessKeyConfig = ServerConfig["keys"][number];

/** The input accepted by {@link parseServerConfig}: any subset of the keys, nested objects partial too. */
export type ServerConfigInput = z.input<typeof serverConfigSchema>;

/**
 * Validates a configuration object and fills in the embedded defaults. Throws an `Error` listing every problem,
 * unknown keys included, so a typo never silently falls back to a default.
 *
 * @example
 * const config = parseServerConfig({ port: 9000, keys: [{ accessKeyId: "id", accessKeySecret: "secret" }] });
 */
export function parseServerConfig(input: unknown): ServerConfig {
  const result = serverConfigSchema.safeParse(input ?? {});
  if (!result.success) throw new Error(`Invalid server configuration:\n${z.prettifyError(result.error)}`);
  return result.data;
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * The address to listen on: the configured host, except that a server without keys accepts anyone's requests and so
 * is kept on loopback whatever the configuration says.
 */
export function listenHost(config: ServerConfig): string {
  if (config.keys.length > 0 || isLoopback(config.host)) return config.host;
  return "127.0.0.1";
}
