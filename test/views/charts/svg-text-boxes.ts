import { type Box, boxesOverlap } from '../../../src/views/charts/label-placement.js';
import { textHeight, textWidth } from '../../../src/views/charts/text-measure.js';

export interface SvgText {
  text: string;
  fontSize: number;
  box: Box;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * Every `<text>` of an echarts SVG with the box it covers, from its transform, x/y, anchor and font size
 * (width estimated from the characters, as the label placement does; rotated texts swap width and height).
 */
export function svgTextBoxes(svg: string): SvgText[] {
  const texts: SvgText[] = [];
  for (const match of svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)) {
    const [, attributes, raw] = match;
    const text = unescapeXml(raw);
    if (text.trim() === '') continue;
    const attr = (name: string) => attributes.match(new RegExp(` ${name}="([^"]*)"`))?.[1];
    const fontSize = Number(attributes.match(/font-size:(\d+(?:\.\d+)?)px/)?.[1] ?? 12);
    const [x, y] = [Number(attr('x') ?? 0), Number(attr('y') ?? 0)];
    const transform = attr('transform') ?? '';
    let m = [1, 0, 0, 1, 0, 0];
    const translate = transform.match(/translate\(([-\d.e]+)[ ,]([-\d.e]+)\)/);
    const matrix = transform.match(/matrix\(([^)]*)\)/);
    if (translate) m = [1, 0, 0, 1, Number(translate[1]), Number(translate[2])];
    if (matrix) m = matrix[1].split(/[ ,]+/).map(Number);
    const width = textWidth(text, fontSize);
    const height = textHeight(fontSize);
    const anchor = attr('text-anchor') ?? 'start';
    const baseline = attr('dominant-baseline') ?? 'alphabetic';
    const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
    const top = baseline === 'central' ? y - height / 2 : baseline === 'hanging' ? y : y - fontSize;
    // Corners of the local box, through the transform.
    const corners = [
      [left, top],
      [left + width, top],
      [left, top + height],
      [left + width, top + height],
    ].map(([u, v]) => [m[0] * u + m[2] * v + m[4], m[1] * u + m[3] * v + m[5]]);
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    texts.push({
      text,
      fontSize,
      box: {
        x: Math.min(...xs),
        y: Math.min(...ys),
        width: Math.max(...xs) - Math.min(...xs),
        height: Math.max(...ys) - Math.min(...ys),
      },
    });
  }
  return texts;
}

/** Pairs of texts whose boxes overlap (shrunk by a pixel each side: touching is not overlapping). */
export function overlappingTexts(svg: string): Array<[string, string]> {
  const shrink = (b: Box): Box => ({ x: b.x + 1, y: b.y + 1, width: b.width - 2, height: b.height - 2 });
  const texts = svgTextBoxes(svg);
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < texts.length; i++)
    for (let j = i + 1; j < texts.length; j++)
      if (boxesOverlap(shrink(texts[i].box), shrink(texts[j].box)))
        pairs.push([texts[i].text, texts[j].text]);
  return pairs;
}
