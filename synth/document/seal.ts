/** Red seals: round official seals (text on an arc, a star) and small square name stamps, multiplied over ink. */
import type { SKRSContext2D } from "@napi-rs/canvas";
import type { Random } from "../random.ts";
import { font } from "./fonts.ts";

function star(context: SKRSContext2D, cx: number, cy: number, r: number): void {
  context.beginPath();
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? r : r * 0.38;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    context.lineTo(cx + radius * Math.cos(a), cy + radius * Math.sin(a));
  }
  context.closePath();
  context.fill();
}

/**
 * A round seal of `radius` px at (cx, cy): `text` along the upper arc, a star, `bottom` under it. Hand-stamped
 * seals are uneven (partial pressure, slight rotation); printed ones are crisp.
 */
export function drawRoundSeal(
  context: SKRSContext2D,
  random: Random,
  cx: number,
  cy: number,
  radius: number,
  text: string,
  bottom: string,
  handStamped: boolean,
): void {
  context.save();
  context.globalCompositeOperation = "multiply";
  context.globalAlpha = handStamped ? random.uniform(0.55, 0.85) : 0.8;
  const red = random.pick(["#d8232a", "#e0302c", "#c91f2e", "#e84a3c"]);
  context.strokeStyle = red;
  context.fillStyle = red;
  context.translate(cx, cy);
  context.rotate(handStamped ? random.normal(0, 0.25) : 0);
  context.lineWidth = radius * 0.055;
  context.beginPath();
  context.arc(0, 0, radius, 0, Math.PI * 2);
  context.stroke();
  if (handStamped && random.chance(0.5)) {
    context.lineWidth = radius * 0.02;
    context.beginPath();
    context.arc(0, 0, radius * 0.92, 0, Math.PI * 2);
    context.stroke();
  }
  star(context, 0, 0, radius * 0.24);
  const characters = [...text];
  const span = Math.min(Math.PI * 1.45, characters.length * 0.3);
  const size = Math.min(radius * 0.24, ((radius * 0.75 * span) / characters.length) * 1.05);
  context.font = font("song-bold", size);
  context.textAlign = "center";
  characters.forEach((c, i) => {
    const a = -Math.PI / 2 - span / 2 + (span * (i + 0.5)) / characters.length;
    context.save();
    context.rotate(a + Math.PI / 2);
    context.fillText(c, 0, -radius * 0.7);
    context.restore();
  });
  context.font = font("song-bold", radius * 0.16);
  context.fillText(bottom, 0, radius * 0.62);
  context.restore();
}

/** A small square red name stamp ("张三印") of side `side` px, its centre at (cx, cy). */
export function drawNameStamp(
  context: SKRSContext2D,
  random: Random,
  cx: number,
  cy: number,
  side: number,
  name: string,
): void {
  const characters = [
    ...(name.length === 2 ? `${name}之印` : name.length === 3 ? `${name}印` : name.slice(0, 4)),
  ];
  context.save();
  context.globalCompositeOperation = "multiply";
  context.globalAlpha = random.uniform(0.65, 0.9);
  context.fillStyle = context.strokeStyle = random.pick(["#d8232a", "#c91f2e", "#e0302c"]);
  context.translate(cx, cy);
  context.rotate(random.normal(0, 0.08));
  context.lineWidth = side * 0.07;
  context.strokeRect(-side / 2, -side / 2, side, side);
  context.font = font("song-bold", side * 0.4);
  context.textAlign = "center";
  context.textBaseline = "middle";
  // Seal text reads right column first, top to bottom.
  characters.forEach((c, i) => {
    const column = i < 2 ? 1 : -1;
    const row = i % 2 === 0 ? -1 : 1;
    context.fillText(c, column * side * 0.22, row * side * 0.22);
  });
  context.restore();
}
