// A TEST double for the pool's worker: speaks the same protocol without models, and does what the image's text says,
// so the pool's handling of crashes, exits and slow work can be driven precisely. Never shipped.
import { parentPort, workerData } from "node:worker_threads";
import type { ParentMessage, WorkerMessage } from "../../src/pool/worker-protocol.ts";
import type { RecognitionResult } from "../../src/types.ts";

const port = parentPort;
if (port === null) throw new Error("a worker thread only");
const post = (message: WorkerMessage) => port.postMessage(message);
const timings = { decode: 0, prepare: 0, detect: 0, orient: 0, recognize: 0, fields: 0, total: 0 };

function resultOf(text: string): RecognitionResult {
  return {
    data: { text, threads: String((workerData as { threads: number }).threads) },
    prism_keyValueInfo: [],
    sliceRect: { x0: 0, y0: 0, x1: 1, y1: 0, x2: 1, y2: 1, x3: 0, y3: 1 },
    angle: 0,
    ftype: 0,
    width: 1,
    height: 1,
    orgWidth: 1,
    orgHeight: 1,
  };
}

if (process.env.SCRIPTED_WORKER_FAIL_START === "1") {
  post({ kind: "failed", error: { code: "algorithmError", message: "models missing (scripted)" } });
  port.close();
} else {
  port.on("message", async (message: ParentMessage) => {
    if (message.kind === "stop") process.exit(0);
    const text = new TextDecoder().decode(message.image);
    if (text === "crash") {
      setImmediate(() => {
        throw new Error("scripted crash");
      });
      return;
    }
    if (text === "exit") process.exit(7);
    if (text.startsWith("slow:")) await new Promise((resolve) => setTimeout(resolve, Number(text.slice(5))));
    if (text === "refuse") {
      post({
        kind: "error",
        id: message.id,
        error: { code: "unmatchedImageType", message: "scripted refusal" },
      });
      return;
    }
    post({ kind: "result", id: message.id, result: resultOf(text), timings });
  });
  post({ kind: "ready" });
}
