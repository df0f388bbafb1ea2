import type { SKRSContext2D } from "@napi-rs/canvas";
import type { Random } from "../random.ts";
import type { Surface } from "./capture-plan.ts";

/** Paints what the document lies on over the whole `width`×`height` context. */
export function paintSurface(
  ctx: SKRSContext2D,
  surface: Surface,
  width: number,
  height: number,
  random: Random,
) {
  ctx.save();
  if (surface === "wood") paintWood(ctx, width, height, random);
  else if (surface === "fabric") paintFabric(ctx, width, height, random);
  else if (surface === "desk") paintDesk(ctx, width, height, random);
  else paintScannerBed(ctx, width, height, random);
  ctx.restore();
}

function hsl(hue: number, saturation: number, lightness: number, alpha = 1): string {
  return `hsla(${hue.toFixed(1)}, ${saturation.toFixed(1)}%, ${lightness.toFixed(1)}%, ${alpha.toFixed(3)})`;
}

/** Planks of warm wood with wavy grain lines and darker seams, at a random angle. */
function paintWood(ctx: SKRSContext2D, width: number, height: number, random: Random) {
  const hue = random.uniform(18, 36);
  const lightness = random.uniform(28, 62);
  ctx.fillStyle = hsl(hue, random.uniform(35, 60), lightness);
  ctx.fillRect(0, 0, width, height);
  const diagonal = Math.hypot(width, height);
  ctx.translate(width / 2, height / 2);
  ctx.rotate(random.pick([0, Math.PI / 2]) + random.uniform(-0.15, 0.15));
  const plank = random.uniform(0.18, 0.45) * diagonal;
  for (let y = -diagonal / 2; y < diagonal / 2; y += plank) {
    // Each plank has its own shade so seams read as boards, not stripes.
    ctx.fillStyle = hsl(hue + random.uniform(-3, 3), 45, lightness + random.uniform(-6, 6), 0.6);
    ctx.fillRect(-diagonal / 2, y, diagonal, plank);
    for (let line = 0; line < plank / 3; line++) {
      const base = y + random.uniform(0, plank);
      const amplitude = random.uniform(1, 8);
      const period = random.uniform(120, 600);
      const phase = random.uniform(0, Math.PI * 2);
      ctx.beginPath();
      for (let x = -diagonal / 2; x <= diagonal / 2; x += 12) {
        const yy =
          base + amplitude * Math.sin(x / period + phase) + amplitude * 0.3 * Math.sin(x / 37 + phase);
        if (x === -diagonal / 2) ctx.moveTo(x, yy);
        else ctx.lineTo(x, yy);
      }
      ctx.strokeStyle = hsl(hue - 4, 50, lightness - random.uniform(8, 20), random.uniform(0.08, 0.3));
      ctx.lineWidth = random.uniform(0.6, 3);
      ctx.stroke();
    }
    ctx.fillStyle = hsl(hue, 40, lightness - 22, 0.7);
    ctx.fillRect(-diagonal / 2, y, diagonal, random.uniform(1, 2.5));
  }
}

/** A woven cloth: fine warp and weft threads plus broad soft folds. */
function paintFabric(ctx: SKRSContext2D, width: number, height: number, random: Random) {
  const hue = random.uniform(0, 360);
  const saturation = random.uniform(10, 45);
  const lightness = random.uniform(25, 70);
  ctx.fillStyle = hsl(hue, saturation, lightness);
  ctx.fillRect(0, 0, width, height);
  // Coarse enough that the weave survives the capture's shrinking and JPEG, as it does in phone photos.
  const pitch = random.uniform(3.5, 7);
  ctx.lineWidth = pitch * 0.45;
  for (let x = 0; x < width; x += pitch) {
    ctx.strokeStyle = hsl(hue, saturation, lightness - random.uniform(8, 18), random.uniform(0.3, 0.55));
    ctx.beginPath();
    ctx.moveTo(x, 0);
    ctx.lineTo(x, height);
    ctx.stroke();
  }
  for (let y = 0; y < height; y += pitch) {
    ctx.strokeStyle = hsl(hue, saturation, lightness + random.uniform(6, 14), random.uniform(0.25, 0.5));
    ctx.beginPath();
    ctx.moveTo(0, y);
    ctx.lineTo(width, y);
    ctx.stroke();
  }
  for (let fold = 0; fold < 4; fold++) {
    const x = random.uniform(0, width);
    const gradient = ctx.createLinearGradient(
      x - width * 0.15,
      0,
      x + width * 0.15,
      height * random.uniform(-0.3, 0.3),
    );
    gradient.addColorStop(0, "rgba(0,0,0,0)");
    gradient.addColorStop(0.5, `rgba(0,0,0,${random.uniform(0.08, 0.22).toFixed(3)})`);
    gradient.addColorStop(1, "rgba(0,0,0,0)");
    ctx.fillStyle = gradient;
    ctx.fillRect(0, 0, width, height);
  }
}

/** A plain laminate or painted desk top with faint speckle and a light fall-off. */
function paintDesk(ctx: SKRSContext2D, width: number, height: number, random: Random) {
  const hue = random.uniform(0, 60);
  const lightness = random.uniform(55, 88);
  ctx.fillStyle = hsl(hue, random.uniform(0, 18), lightness);
  ctx.fillRect(0, 0, width, height);
  const speckles = Math.round((width * height) / 400);
  for (let k = 0; k < speckles; k++) {
    ctx.fillStyle = hsl(hue, 10, lightness + random.uniform(-12, 8), 0.35);
    ctx.fillRect(random.uniform(0, width), random.uniform(0, height), 1.5, 1.5);
  }
  const gradient = ctx.createLinearGradient(0, 0, width * random.uniform(0.3, 1), height);
  gradient.addColorStop(0, "rgba(255,255,255,0.12)");
  gradient.addColorStop(1, "rgba(0,0,0,0.12)");
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, width, height);
}

/** The white underside of a scanner lid, slightly uneven. */
function paintScannerBed(ctx: SKRSContext2D, width: number, height: number, random: Random) {
  const level = Math.round(random.uniform(238, 252));
  ctx.fillStyle = `rgb(${level},${level},${level - 1})`;
  ctx.fillRect(0, 0, width, height);
  const gradient = ctx.createLinearGradient(0, 0, width, 0);
  gradient.addColorStop(0, "rgba(0,0,0,0.03)");
  gradient.addColorStop(1, "rgba(0,0,0,0)");
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, width, height);
}
