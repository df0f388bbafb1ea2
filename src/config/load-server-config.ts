import { readFile } from "node:fs/promises";
import { parseServerConfig, type ServerConfig } from "./server-config.ts";

type Overlay = Record<string, unknown>;

/** Where {@link loadServerConfig} reads from; each layer overrides the one before it. */
export interface ServerConfigSources {
  /** A JSON file holding any subset of the configuration. */
  file?: string;
  /** Environment variables (normally `process.env`); see {@link SERVER_ENVIRONMENT_VARIABLES}. */
  env?: Record<string, string | undefined>;
}

const integer = (name: string, value: string): number => {
  if (!/^\d+$/.test(value))
    throw new Error(`Invalid server configuration: ${name} must be an integer, got "${value}"`);
  return Number(value);
};

/** Environment variables read by {@link loadServerConfig}, and where each lands. */
export const SERVER_ENVIRONMENT_VARIABLES: Record<string, (value: string, name: string) => Overlay> = {
  ZHENGZHAO_HOST: (value) => ({ host: value }),
  ZHENGZHAO_PORT: (value, name) => ({ port: integer(name, value) }),
  ZHENGZHAO_QUEUE_SIZE: (value, name) => ({ queueSize: integer(name, value) }),
  ZHENGZHAO_REQUEST_TIMEOUT_MS: (value, name) => ({ requestTimeoutMs: integer(name, value) }),
  ZHENGZHAO_WORKERS: (value, name) => ({ workers: integer(name, value) }),
  ZHENGZHAO_URL_CONNECT_TIMEOUT_MS: (value, name) => ({
    urlFetch: { connectTimeoutMs: integer(name, value) },
  }),
  ZHENGZHAO_URL_TIMEOUT_MS: (value, name) => ({ urlFetch: { totalTimeoutMs: integer(name, value) } }),
  ZHENGZHAO_ALLOW_PRIVATE_NETWORKS: (value) => ({
    urlFetch: {
      allowPrivateNetworks: value
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
    },
  }),
};

/**
 * Reads the server configuration: embedded defaults, then the JSON file, then the environment. One key can come
 * from `ZHENGZHAO_ACCESS_KEY_ID` + `ZHENGZHAO_ACCESS_KEY_SECRET` (all actions); it replaces the file's keys, so a
 * deployment can inject its secret without editing the file. Throws on unreadable files, bad JSON and invalid or
 * unknown keys.
 *
 * @example
 * const config = await loadServerConfig({ file: "zhengzhao.json", env: process.env });
 */
export async function loadServerConfig(sources: ServerConfigSources = {}): Promise<ServerConfig> {
  let merged: Overlay = {};
  if (sources.file !== undefined) merged = await readConfigFile(sources.file);
  for (const overlay of environmentOverlays(sources.env ?? {})) merged = mergeDeep(merged, overlay);
  return parseServerConfig(merged);
}

async function readConfigFile(path: string): Promise<Overlay> {
  const text = await readFile(path, "utf8");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`Invalid server configuration: ${path} is not JSON`, { cause: error });
  }
  if (!isPlainObject(parsed))
    throw new Error(`Invalid server configuration: ${path} must hold a JSON object`);
  return parsed;
}

function environmentOverlays(env: Record<string, string | undefined>): Overlay[] {
  const overlays: Overlay[] = [];
  for (const [name, toOverlay] of Object.entries(SERVER_ENVIRONMENT_VARIABLES)) {
    const value = env[name];
    if (value !== undefined && value !== "") overlays.push(toOverlay(value, name));
  }
  const accessKeyId = env.ZHENGZHAO_ACCESS_KEY_ID;
  const accessKeySecret = env.ZHENGZHAO_ACCESS_KEY_SECRET;
  if (Boolean(accessKeyId) !== Boolean(accessKeySecret)) {
    throw new Error(
      "Invalid server configuration: set both ZHENGZHAO_ACCESS_KEY_ID and ZHENGZHAO_ACCESS_KEY_SECRET",
    );
  }
  if (accessKeyId && accessKeySecret) overlays.push({ keys: [{ accessKeyId, accessKeySecret }] });
  return overlays;
}

function isPlainObject(value: unknown): value is Overlay {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Objects merge key by key; anything else (arrays included) is replaced. */
function mergeDeep(base: Overlay, overlay: Overlay): Overlay {
  const result: Overlay = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    const current = result[key];
    result[key] = isPlainObject(current) && isPlainObject(value) ? mergeDeep(current, value) : value;
  }
  return result;
}
