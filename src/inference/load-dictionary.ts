import { readFile } from "node:fs/promises";
import { RecognitionError } from "../errors.ts";

/**
 * Reads a PaddleOCR dictionary: one character per line, in class order (the models carry no metadata, so the
 * dictionary travels beside them). A trailing newline does not add an entry.
 */
export async function loadDictionary(path: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new RecognitionError("algorithmError", `reading the dictionary ${path} failed`, { cause: error });
  }
  const lines = text.split("\n").map((line) => line.replace(/\r$/, ""));
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}
