import { textHeight, textWidth } from './text-measure.js';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelRequest {
  id: string;
  text: string;
  fontSize: number;
  /** The labelled point, in pixels. */
  anchor: { x: number; y: number };
  /** Half the marker's size: labels keep clear of it. */
  radius: number;
}

export interface PlacedLabel {
  id: string;
  /** Top-left corner of the label box, in pixels. */
  box: Box;
  /** True when the label sits away from its marker and needs a leader line. */
  leader: boolean;
}

const GAP = 3;

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const inside = (box: Box, bounds: Box) =>
  box.x >= bounds.x &&
  box.y >= bounds.y &&
  box.x + box.width <= bounds.x + bounds.width &&
  box.y + box.height <= bounds.y + bounds.height;

/** Candidate boxes around an anchor: the eight compass positions, then rings further out (with a leader). */
function candidates(request: LabelRequest): Array<{ box: Box; leader: boolean }> {
  const width = textWidth(request.text, request.fontSize);
  const height = textHeight(request.fontSize);
  const { x, y } = request.anchor;
  const around = (d: number) => [
    { x: x + d, y: y - height / 2 },
    { x: x - d - width, y: y - height / 2 },
    { x: x - width / 2, y: y - d - height },
    { x: x - width / 2, y: y + d },
    { x: x + d * 0.7, y: y - d * 0.7 - height },
    { x: x - d * 0.7 - width, y: y - d * 0.7 - height },
    { x: x + d * 0.7, y: y + d * 0.7 },
    { x: x - d * 0.7 - width, y: y + d * 0.7 },
  ];
  const near = request.radius + GAP;
  const result = around(near).map((p) => ({ box: { ...p, width, height }, leader: false }));
  for (const d of [near + 14, near + 28, near + 44, near + 64, near + 90, near + 120])
    for (const p of around(d)) result.push({ box: { ...p, width, height }, leader: true });
  return result;
}

/**
 * Greedy label placement: each label, in order, takes the first candidate position inside the bounds that
 * overlaps no placed label and no obstacle (markers, other texts). Labels far from their marker get a leader
 * line. A label with no free position is placed at its best compromise (fewest overlaps) and reported.
 */
export function placeLabels(
  requests: LabelRequest[],
  obstacles: Box[],
  bounds: Box,
): { placed: PlacedLabel[]; crowded: string[] } {
  const taken: Box[] = [...obstacles];
  const placed: PlacedLabel[] = [];
  const crowded: string[] = [];
  for (const request of requests) {
    const options = candidates(request).filter((c) => inside(c.box, bounds));
    const free = options.find((c) => taken.every((t) => !boxesOverlap(c.box, t)));
    const overlapsOf = (c: { box: Box }) => taken.filter((t) => boxesOverlap(c.box, t)).length;
    const chosen =
      free ?? [...options].sort((a, b) => overlapsOf(a) - overlapsOf(b))[0] ?? candidates(request)[0];
    if (!free) crowded.push(request.id);
    taken.push(chosen.box);
    placed.push({ id: request.id, box: chosen.box, leader: chosen.leader });
  }
  return { placed, crowded };
}

/** The box a marker of a given size occupies around its centre. */
export const markerBox = (x: number, y: number, size: number): Box => ({
  x: x - size / 2,
  y: y - size / 2,
  width: size,
  height: size,
});
