import { Worker } from "node:worker_threads";

/** tsx's programmatic API, resolved once here so the worker finds it whatever its working directory. */
const TSX_API = import.meta.resolve("tsx/esm/api");

/**
 * Starts a worker thread running a TypeScript module. A worker does not inherit the parent's loader hooks — neither
 * tsx's `--import` nor `register()` reach it — so a tiny bootstrap registers tsx inside the worker before importing
 * the module. Works the same under `tsx`, `node --import tsx` and `bin/zhengzhao.js`.
 */
export function spawnTsWorker(module: URL, workerData: unknown): Worker {
  const bootstrap = `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
