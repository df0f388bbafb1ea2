// The body of one pool worker: loads the models once, then reads the images the pool sends, one at a time.
import { parentPort, workerData } from "node:worker_threads";
import { createRecognizer } from "../index.ts";
import {
  type ParentMessage,
  serializeError,
  type WorkerMessage,
  type WorkerSettings,
} from "./worker-protocol.ts";

const port = parentPort;
if (port === null) throw new Error("recognition-worker.ts runs only as a worker thread");
const settings = workerData as WorkerSettings;
const post = (message: WorkerMessage) => port.postMessage(message);

try {
  const recognizer = await createRecognizer({ engine: { threads: settings.threads } });
  port.on("message", async (message: ParentMessage) => {
    // Handled between two inference runs, never inside one: the safe moment to end the thread (worker-protocol.ts).
    if (message.kind === "stop") process.exit(0);
    try {
      const { result, timings } = await recognizer.recognize(message.type, message.image);
      post({ kind: "result", id: message.id, result, timings });
    } catch (error) {
      post({ kind: "error", id: message.id, error: serializeError(error) });
    }
  });
  post({ kind: "ready" });
} catch (error) {
  post({ kind: "failed", error: serializeError(error) });
  port.close();
}
