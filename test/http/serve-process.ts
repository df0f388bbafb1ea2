import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../bin/zhengzhao.js", import.meta.url));

/** `zhengzhao serve` running as its own process, as an operator starts it. */
export interface ServeProcess {
  child: ChildProcess;
  /** `http://host:port` from the server's "listening" log line. */
  url: string;
  /** Every JSON log line so far. */
  lines: Array<Record<string, unknown>>;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `bin/zhengzhao.js serve ARGS...` with the caller's environment minus any `ZHENGZHAO_*` variable (so the
 * test's configuration is the only one), and resolves once it listens.
 */
export async function startServeProcess(args: string[], timeoutMs = 120_000): Promise<ServeProcess> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("ZHENGZHAO_")),
  );
  const child = spawn(process.execPath, [BIN, "serve", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  const lines: Array<Record<string, unknown>> = [];
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += String(chunk);
  });
  const exited = once(child, "exit").then(([code]) => code as number | null);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not listen in time:\n${stderr}`)), timeoutMs);
    let pending = "";
    child.stdout?.on("data", (chunk) => {
      pending += String(chunk);
      const complete = pending.split("\n");
      pending = complete.pop() ?? "";
      for (const text of complete.filter(Boolean)) {
        const line = JSON.parse(text) as Record<string, unknown>;
        lines.push(line);
        if (line.msg === "listening") {
          clearTimeout(timer);
          resolve(String(line.url));
        }
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before listening:\n${stderr}`));
    });
  });
  return {
    child,
    url,
    lines,
    stop: async (signal = "SIGTERM") => {
      child.kill(signal);
      return exited;
    },
  };
}
