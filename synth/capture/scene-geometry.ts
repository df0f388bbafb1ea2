import type { Point } from "../../src/types.ts";
import type { Random } from "../random.ts";
import type { CapturePlan } from "./capture-plan.ts";
import type { Corners } from "./homography.ts";

/** Where the document's corners land and how big the captured frame is. */
export interface SceneGeometry {
  width: number;
  height: number;
  /** The document's corners in the frame, TL, TR, BR, BL of the upright document. */
  corners: Corners;
}

/**
 * Places a document of `docWidth`×`docHeight` (already at output scale) in a frame. Photos are projected through a
 * pinhole camera so the keystone is physically plausible; scans and copies are a flat turn plus margins.
 */
export function placeDocument(
  plan: CapturePlan,
  docWidth: number,
  docHeight: number,
  random: Random,
): SceneGeometry {
  const roll = plan.quarter + plan.skew;
  const centred =
    plan.kind === "photo"
      ? projectTilted(docWidth, docHeight, roll, plan.pitch, plan.yaw, random.uniform(1.3, 2.2))
      : turnFlat(docWidth, docHeight, roll);
  const box = bounds(centred);
  const boxWidth = box.maxX - box.minX;
  const boxHeight = box.maxY - box.minY;
  const photo = plan.kind === "photo";
  // Photos leave room for the desk around the document; scanners crop close to the sheet.
  const marginRange: [number, number] = photo ? [0.06, 0.22] : [0.015, 0.06];
  let left = random.uniform(...marginRange) * boxWidth;
  let right = random.uniform(...marginRange) * boxWidth;
  let top = random.uniform(...marginRange) * boxHeight;
  let bottom = random.uniform(...marginRange) * boxHeight;
  let width = boxWidth + left + right;
  let height = boxHeight + top + bottom;
  if (photo) {
    // Phone sensors are 4:3; widen the short side to match the orientation the document suggests.
    const aspect = width >= height ? 4 / 3 : 3 / 4;
    if (width / height < aspect) {
      const extra = height * aspect - width;
      const share = random.next();
      left += extra * share;
      right += extra * (1 - share);
      width = height * aspect;
    } else {
      const extra = width / aspect - height;
      const share = random.next();
      top += extra * share;
      bottom += extra * (1 - share);
      height = width / aspect;
    }
  }
  const dx = left - box.minX;
  const dy = top - box.minY;
  const corners = centred.map((p) => ({ x: p.x + dx, y: p.y + dy })) as Corners;
  return { width: Math.round(width), height: Math.round(height), corners };
}

/** The document's corners turned by `roll` degrees about its centre, flat. */
function turnFlat(width: number, height: number, roll: number): Corners {
  const r = (roll * Math.PI) / 180;
  return rectangle(width, height).map((p) => ({
    x: p.x * Math.cos(r) - p.y * Math.sin(r),
    y: p.x * Math.sin(r) + p.y * Math.cos(r),
  })) as Corners;
}

/**
 * The corners after turning in the plane, tilting the plane (pitch about x, yaw about y) and projecting with a focal
 * length of `focalFactor` times the document's long side; the centre keeps scale 1 so the text height holds there.
 */
function projectTilted(
  width: number,
  height: number,
  roll: number,
  pitch: number,
  yaw: number,
  focalFactor: number,
) {
  const focal = focalFactor * Math.max(width, height);
  const p = (pitch * Math.PI) / 180;
  const q = (yaw * Math.PI) / 180;
  return turnFlat(width, height, roll).map(({ x, y }) => {
    // Pitch: rotate about the x axis; then yaw: rotate about the y axis. z grows away from the camera.
    const y1 = y * Math.cos(p);
    const z1 = y * Math.sin(p);
    const x2 = x * Math.cos(q) + z1 * Math.sin(q);
    const z2 = -x * Math.sin(q) + z1 * Math.cos(q);
    const scale = focal / (focal + z2);
    return { x: x2 * scale, y: y1 * scale };
  }) as Corners;
}

function rectangle(width: number, height: number): Corners {
  const w = width / 2;
  const h = height / 2;
  return [
    { x: -w, y: -h },
    { x: w, y: -h },
    { x: w, y: h },
    { x: -w, y: h },
  ];
}

function bounds(points: readonly Point[]) {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) };
}
