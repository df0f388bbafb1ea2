/** The preprinted face of the 出生医学证明: pale paper, a coloured picture behind the text, a guilloche border. */
import { type Canvas, createCanvas, type SKRSContext2D } from "@napi-rs/canvas";

const cache = new Map<string, Canvas>();

// A rosette of rotated ellipses: the "background picture" of the face, pale enough to read through.
function rosette(context: SKRSContext2D, cx: number, cy: number, radius: number, colour: string): void {
  context.save();
  context.strokeStyle = colour;
  context.lineWidth = 1.1;
  context.globalAlpha = 0.35;
  for (let i = 0; i < 72; i++) {
    context.beginPath();
    context.ellipse(cx, cy, radius, radius * 0.33, (i * Math.PI) / 72, 0, Math.PI * 2);
    context.stroke();
  }
  context.restore();
}

// A band of interlaced sine waves along the edge, the radial guilloche border of the form.
function border(context: SKRSContext2D, width: number, height: number, colour: string): void {
  const inset = 26;
  const band = 34;
  context.save();
  context.strokeStyle = colour;
  context.lineWidth = 1;
  const path = (x0: number, y0: number, x1: number, y1: number, phase: number) => {
    const length = Math.hypot(x1 - x0, y1 - y0);
    const nx = -(y1 - y0) / length;
    const ny = (x1 - x0) / length;
    context.beginPath();
    for (let s = 0; s <= length; s += 4) {
      const offset = (band / 2) * Math.sin((s / 22) * Math.PI + phase);
      const x = x0 + ((x1 - x0) * s) / length + nx * offset;
      const y = y0 + ((y1 - y0) * s) / length + ny * offset;
      if (s === 0) context.moveTo(x, y);
      else context.lineTo(x, y);
    }
    context.stroke();
  };
  const m = inset + band / 2;
  for (let k = 0; k < 6; k++) {
    const phase = (k * Math.PI) / 3;
    path(m, m, width - m, m, phase);
    path(width - m, m, width - m, height - m, phase);
    path(width - m, height - m, m, height - m, phase);
    path(m, height - m, m, m, phase);
  }
  context.lineWidth = 2.2;
  context.strokeRect(inset - 4, inset - 4, width - 2 * inset + 8, height - 2 * inset + 8);
  context.strokeRect(
    inset + band + 4,
    inset + band + 4,
    width - 2 * (inset + band + 4),
    height - 2 * (inset + band + 4),
  );
  context.restore();
}

/** The face background of `width`×`height`, cached per palette. */
export function birthBackground(width: number, height: number, palette: number): Canvas {
  const key = `${width}x${height}:${palette}`;
  const known = cache.get(key);
  if (known) return known;
  const [paper, picture, frame] = [
    ["#fbf6e4", "#e9a8b8", "#3f8f5a"],
    ["#f8f3e6", "#9cc7a4", "#2f7d4f"],
    ["#fdf3ee", "#e7b07e", "#4a8a6a"],
  ][palette % 3] as [string, string, string];
  const canvas = createCanvas(width, height);
  const context = canvas.getContext("2d");
  context.fillStyle = paper;
  context.fillRect(0, 0, width, height);
  rosette(context, width / 2, height * 0.48, width * 0.36, picture);
  rosette(context, width / 2, height * 0.48, width * 0.2, frame);
  border(context, width, height, frame);
  cache.set(key, canvas);
  return canvas;
}
