/**
 * A chevron pointing along +x (the direction of travel of a line), as a single-channel SDF-able
 * image so one icon can take any colour through `icon-color`.
 */
export function arrowImage(size = 32): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  const c = size / 2;
  const half = size * 0.32; // half-length of the chevron arms along x
  const thickness = size * 0.11;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Distance to the two arms: from (c - half, c ± half) to (c + half*0.6, c).
      const px = x + 0.5;
      const py = y + 0.5;
      const d = Math.min(segDist(px, py, c - half * 0.7, c - half, c + half * 0.6, c), segDist(px, py, c - half * 0.7, c + half, c + half * 0.6, c));
      const alpha = Math.max(0, Math.min(1, thickness - d + 0.5));
      const i = (y * size + x) * 4;
      data[i] = 255;
      data[i + 1] = 255;
      data[i + 2] = 255;
      data[i + 3] = Math.round(alpha * 255);
    }
  }
  return { width: size, height: size, data };
}

function segDist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
