import type { CharAlternative, RecognizedChar } from "../../types.ts";

/** What one line decodes to. */
export interface DecodedLine {
  text: string;
  /** Mean character confidence; 0 for an empty line. */
  confidence: number;
  chars: RecognizedChar[];
}

/** Where one line's frames sit in the recogniser's output and how they map onto the line. */
export interface FrameLayout {
  /** Index of the line's first frame value in the output ([N, T, C] flattened). */
  offset: number;
  frames: number;
  classes: number;
  /** Input pixels per frame (8). */
  frameWidth: number;
  /** Width of the line's own pixels in the input (the rest of the batch width is padding). */
  contentWidth: number;
}

/** A character is about as wide as the line is high: 48 input pixels, 6 frames; its half is the widest reach. */
const MAX_HALF_WIDTH_FRAMES = 3;

/**
 * Greedy CTC decoding of one line: the best class of each frame, repeats merged, blanks (class 0) dropped. Each
 * character keeps its best frame's probability, its top-`topK` readings there (blank excluded), and its extent as
 * fractions of the line: it reaches halfway to its neighbours' centres, at most half a character either side.
 *
 * @example
 * const line = decodeCtc(output.data, { offset: n * T * C, frames: T, classes: C, frameWidth: 8, contentWidth }, labels, 5);
 */
export function decodeCtc(
  probabilities: Float32Array,
  layout: FrameLayout,
  labels: readonly string[],
  topK: number,
): DecodedLine {
  const runs = findCharacterRuns(probabilities, layout);
  const centres = runs.map((run) => (run.first + run.last + 1) / 2);
  const toFraction = (frame: number) =>
    Math.min(1, Math.max(0, (frame * layout.frameWidth) / Math.max(1, layout.contentWidth)));
  const chars = runs.map((run, i): RecognizedChar => {
    const centre = centres[i] as number;
    const before = i > 0 ? (centre - (centres[i - 1] as number)) / 2 : MAX_HALF_WIDTH_FRAMES;
    const after = i + 1 < runs.length ? ((centres[i + 1] as number) - centre) / 2 : MAX_HALF_WIDTH_FRAMES;
    const bestOffset = layout.offset + run.bestFrame * layout.classes;
    return {
      text: labels[run.label] ?? "",
      confidence: run.probability,
      start: toFraction(centre - Math.min(before, MAX_HALF_WIDTH_FRAMES)),
      end: toFraction(centre + Math.min(after, MAX_HALF_WIDTH_FRAMES)),
      alternatives: topAlternatives(probabilities, bestOffset, layout.classes, labels, topK),
    };
  });
  const confidence = chars.length > 0 ? chars.reduce((sum, c) => sum + c.confidence, 0) / chars.length : 0;
  return { text: chars.map((c) => c.text).join(""), confidence, chars };
}

interface CharacterRun {
  label: number;
  first: number;
  last: number;
  bestFrame: number;
  probability: number;
}

/** The runs of equal non-blank best classes, one per decoded character. */
function findCharacterRuns(probabilities: Float32Array, layout: FrameLayout): CharacterRun[] {
  const runs: CharacterRun[] = [];
  let previous = 0;
  for (let t = 0; t < layout.frames; t++) {
    const [best, bestProbability] = bestClass(
      probabilities,
      layout.offset + t * layout.classes,
      layout.classes,
    );
    const current = runs[runs.length - 1];
    if (best !== 0 && best === previous && current) {
      current.last = t;
      if (bestProbability > current.probability) {
        current.probability = bestProbability;
        current.bestFrame = t;
      }
    } else if (best !== 0) {
      runs.push({ label: best, first: t, last: t, bestFrame: t, probability: bestProbability });
    }
    previous = best;
  }
  return runs;
}

/**
 * The most probable class of one frame and its probability. The output is a softmax, so a class above 0.5 must be
 * the best: most frames are blank at well over 0.5, which spares scanning their 6625 classes.
 */
function bestClass(probabilities: Float32Array, base: number, classes: number): [number, number] {
  let best = 0;
  let bestProbability = probabilities[base] as number;
  if (bestProbability > 0.5) return [0, bestProbability];
  for (let c = 1; c < classes; c++) {
    const p = probabilities[base + c] as number;
    if (p > bestProbability) {
      best = c;
      bestProbability = p;
      if (p > 0.5) break;
    }
  }
  return [best, bestProbability];
}

/** The `k` most probable non-blank classes of one frame, best first (of equals, the lower class first). */
function topAlternatives(
  probabilities: Float32Array,
  offset: number,
  classes: number,
  labels: readonly string[],
  k: number,
): CharAlternative[] {
  // Kept in two small arrays, not objects: this runs for every character over all 6625 classes.
  const bestLabels = new Int32Array(k + 1);
  const bestProbabilities = new Float64Array(k + 1);
  let count = 0;
  for (let c = 1; c < classes; c++) {
    const p = probabilities[offset + c] as number;
    if (count === k && p <= (bestProbabilities[k - 1] as number)) continue;
    let at = count;
    while (at > 0 && (bestProbabilities[at - 1] as number) < p) {
      bestLabels[at] = bestLabels[at - 1] as number;
      bestProbabilities[at] = bestProbabilities[at - 1] as number;
      at--;
    }
    bestLabels[at] = c;
    bestProbabilities[at] = p;
    if (count < k) count++;
  }
  const best: CharAlternative[] = [];
  for (let n = 0; n < count; n++)
    best.push({ text: labels[bestLabels[n] as number] ?? "", probability: bestProbabilities[n] as number });
  return best;
}

/** The text of each output class: blank (0), the dictionary's lines (1…n), then the space the model adds last. */
export function ctcLabels(dictionary: readonly string[]): string[] {
  return ["", ...dictionary, " "];
}

/** Part of a line, as fractions (0–1) of its length: where one glyph is known to stand. */
export interface LineSpan {
  start: number;
  end: number;
}

/**
 * The `k` likeliest characters of each given span of one line, whatever the best path reads there (a blurred
 * glyph's frames may all read blank, or as a character split in two): each class scores its highest probability
 * over the span's frames, blank excluded; best first. For lines of glyphs set at known places (a seal's
 * characters, one per slot), where a decoder can weigh each slot's candidates with what it knows of the text.
 *
 * @example
 * const [first, second] = spanAlternatives(output.data, layout, labels, [{ start: 0, end: 0.5 }, { start: 0.5, end: 1 }], 10);
 */
export function spanAlternatives(
  probabilities: Float32Array,
  layout: FrameLayout,
  labels: readonly string[],
  spans: readonly LineSpan[],
  k: number,
): CharAlternative[][] {
  const framesPerFraction = Math.max(1, layout.contentWidth) / layout.frameWidth;
  const best = new Float32Array(layout.classes);
  return spans.map((span) => {
    const first = Math.max(0, Math.floor(span.start * framesPerFraction));
    const last = Math.min(layout.frames - 1, Math.ceil(span.end * framesPerFraction) - 1);
    best.fill(0);
    for (let t = first; t <= last; t++) {
      const base = layout.offset + t * layout.classes;
      for (let c = 1; c < layout.classes; c++) {
        const p = probabilities[base + c] as number;
        if (p > (best[c] as number)) best[c] = p;
      }
    }
    return topAlternatives(best, 0, layout.classes, labels, k);
  });
}
