/**
 * Runs of sibling shapes that differ only in their geometry (a scatter's markers, a parallel-coordinates
 * chart's lines) repeat the same paint attributes on every element; echarts writes each one out. Moving
 * those attributes onto one `<g>` per run draws the same picture, because fill and stroke properties are
 * inherited, and makes large static charts about a third smaller.
 *
 * Only plain paint attributes move. An element with `opacity`, `style`, `clip-path`, `filter`, `mask` or an
 * `id` is left alone: group opacity composites the run as a whole, and the others may not inherit.
 */
const SHAPE = /<(path|polyline|polygon|circle|rect)((?: [a-z:-]+="[^"]*")*)\s*(?:\/>|><\/\1>)/g;
const GEOMETRY = new Set(['d', 'points', 'transform', 'cx', 'cy', 'r', 'x', 'y', 'width', 'height']);
const UNMOVABLE = /^(opacity|style|clip-path|filter|mask|id)$/;
const ATTRIBUTE = / ([a-z:-]+)="([^"]*)"/g;

interface Shape {
  start: number;
  end: number;
  tag: string;
  geometry: string;
  paint: string;
  movable: boolean;
}

function readShape(match: RegExpExecArray): Shape {
  let geometry = '';
  let paint = '';
  let movable = true;
  for (const [text, name] of match[2].matchAll(ATTRIBUTE)) {
    if (GEOMETRY.has(name)) geometry += text;
    else {
      paint += text;
      if (UNMOVABLE.test(name)) movable = false;
    }
  }
  const start = match.index;
  return {
    start,
    end: start + match[0].length,
    tag: match[1],
    geometry,
    paint,
    movable: movable && paint !== '',
  };
}

function sameRun(previous: Shape, next: Shape, svg: string): boolean {
  return next.movable && next.paint === previous.paint && svg.slice(previous.end, next.start).trim() === '';
}

/** The SVG with every run of at least `minimum` like-painted sibling shapes wrapped in one painted `<g>`. */
export function groupShapes(svg: string, minimum = 3): string {
  const shapes = [...svg.matchAll(SHAPE)].map(readShape);
  let out = '';
  let cursor = 0;
  for (let i = 0; i < shapes.length; ) {
    let j = i + 1;
    if (shapes[i].movable) while (j < shapes.length && sameRun(shapes[j - 1], shapes[j], svg)) j++;
    if (j - i >= minimum) {
      const run = shapes.slice(i, j);
      out += svg.slice(cursor, run[0].start);
      out += `<g${run[0].paint}>${run.map((s) => `<${s.tag}${s.geometry}/>`).join('')}</g>`;
      cursor = run[run.length - 1].end;
    }
    i = j;
  }
  return out + svg.slice(cursor);
}
