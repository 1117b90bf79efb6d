import { describe, expect, it } from 'vitest';
import { groupShapes } from '../../../src/views/charts/group-shapes.js';

const dot = (x: number, fill = '#6b6b6b') =>
  `<path d="M1 0A1 1 0 1 1 1 -0.1" transform="matrix(1.5,0,0,1.5,${x},2)" fill="${fill}" fill-opacity="0.7"></path>`;

/** Each shape's geometry with the paint it ends up with (its own, or its group's). */
function paintedShapes(svg: string): string[] {
  const out: string[] = [];
  let groupPaint = '';
  for (const m of svg.matchAll(
    /<g((?: [a-z-]+="[^"]*")*)>|<\/g>|<(path|polyline)((?: [a-z-]+="[^"]*")*)\s*(?:\/>|><\/\2>)/g,
  )) {
    if (m[0].startsWith('<g')) groupPaint = m[1];
    else if (m[0] === '</g>') groupPaint = '';
    else {
      const attrs = [...`${m[3]}${groupPaint}`.matchAll(/ ([a-z-]+)="([^"]*)"/g)].map(
        (a) => `${a[1]}=${a[2]}`,
      );
      out.push(`${m[2]} ${attrs.sort().join(' ')}`);
    }
  }
  return out;
}

describe('groupShapes', () => {
  it('wraps a run of like-painted shapes in one painted group, keeping every shape and its paint', () => {
    const svg = `<svg>${[1, 2, 3, 4].map((x) => dot(x)).join('\n')}<text>a</text></svg>`;
    const grouped = groupShapes(svg);
    expect(grouped).toContain('<g fill="#6b6b6b" fill-opacity="0.7">');
    expect(grouped.match(/fill="#6b6b6b"/g)).toHaveLength(1);
    expect(paintedShapes(grouped)).toEqual(paintedShapes(svg));
    expect(grouped.length).toBeLessThan(svg.length);
  });

  it('leaves short runs, differently painted neighbours and elements with opacity alone', () => {
    const svg = `<svg>${dot(1)}${dot(2)}${dot(3, '#000')}<path d="M0 0" fill="red" opacity="0.5"></path><path d="M1 1" fill="red" opacity="0.5"></path><path d="M2 2" fill="red" opacity="0.5"></path></svg>`;
    expect(groupShapes(svg)).toBe(svg);
  });

  it('does not group across other elements', () => {
    const svg = `<svg>${dot(1)}${dot(2)}<text>x</text>${dot(3)}${dot(4)}</svg>`;
    expect(groupShapes(svg)).toBe(svg);
  });
});
