import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { stabilitySection } from '../../../src/adapters/report/sections/stability-section.js';
import { analyzeStability } from '../../../src/app/stability.js';
import { prisonersDilemma } from '../../core/stability/small-conflicts.js';

describe('the stability section of the report', () => {
  const result = analyzeStability({ conflict: { ...prisonersDilemma(), statusQuo: [0, 1] } });
  const html = stabilitySection(result);
  const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + 6);

  it('lists the equilibria per concept from the result', () => {
    expect(html).toContain('<tr><td>Nash</td><td>1</td></tr>');
    expect(html).toContain('<tr><td>GMR</td><td>1, 4</td></tr>');
  });

  it('draws one node per state, rings the status quo and draws the paths from it as arrows', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg.match(/<circle/g)).toHaveLength(4);
    expect(svg).toContain('stroke="#d08a00"');
    // From mutual cooperation (4): One → 3, Two → 2, then Two → 1 after One: three moves.
    expect(svg.match(/<line/g)).toHaveLength(3);
  });
});
