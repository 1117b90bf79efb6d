import { readableOn } from './contrast.js';

/**
 * Colour-blind-safe colours for parties and packages: Okabe–Ito (without its yellow, too faint on white)
 * followed by the light members of Paul Tol's muted set.
 */
export const ENTITY_COLOURS = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#88CCEE',
  '#DDCC77',
  '#44AA99',
] as const;

/**
 * Colours reserved for bargaining solutions (dark members of Tol's muted set, then black and brown): never a
 * package's colour, and dark where package colours are light.
 */
export const SOLUTION_COLOURS = ['#332288', '#882255', '#117733', '#999933', '#000000', '#661100'] as const;

const SOLUTION_SYMBOLS = ['diamond', 'triangle', 'pin', 'circle', 'arrow'] as const;
const DASHES = ['solid', 'dashed', 'dotted'] as const;

export type Dash = (typeof DASHES)[number];

/** How one entity is drawn in every chart of a scene. */
export interface EntityStyle {
  /** Fill and stroke colour. */
  colour: string;
  /** The colour darkened to pass AA contrast as text on white. */
  text: string;
  /** Marker shape (echarts symbol name): the second channel next to colour. */
  symbol: string;
  /** Line style: the second channel for lines, changing when colours repeat. */
  dash: Dash;
}

export interface SceneEntities {
  parties: string[];
  packages: string[];
  solutions: string[];
}

/** Colours assigned once per report (or web view) and kept across every chart drawn for it. */
export interface ColourScene {
  entities: SceneEntities;
  party(id: string): EntityStyle;
  package(id: string): EntityStyle;
  solution(name: string): EntityStyle;
}

const style = (colours: readonly string[], k: number, symbol: string): EntityStyle => {
  const colour = colours[k % colours.length];
  return {
    colour,
    text: readableOn(colour),
    symbol,
    dash: DASHES[Math.floor(k / colours.length) % DASHES.length],
  };
};

/**
 * Assigns colours in order: parties, then packages from one sequence, solutions from their own. When a
 * sequence runs out, colours repeat with the next dash pattern so that no two entities look alike.
 */
export function colourScene(entities: SceneEntities): ColourScene {
  const styles = new Map<string, EntityStyle>();
  for (const [k, id] of entities.parties.entries())
    styles.set(`party:${id}`, style(ENTITY_COLOURS, k, 'circle'));
  const offset = entities.parties.length;
  for (const [k, id] of entities.packages.entries())
    styles.set(`package:${id}`, style(ENTITY_COLOURS, offset + k, 'rect'));
  for (const [k, name] of entities.solutions.entries())
    styles.set(`solution:${name}`, style(SOLUTION_COLOURS, k, SOLUTION_SYMBOLS[k % SOLUTION_SYMBOLS.length]));
  const lookup = (kind: string, id: string) => {
    const found = styles.get(`${kind}:${id}`);
    if (found) return found;
    // An entity the scene did not list is drawn in neutral grey rather than taking someone else's colour.
    return { colour: '#777777', text: readableOn('#777777'), symbol: 'circle', dash: 'dotted' as const };
  };
  return {
    entities,
    party: (id) => lookup('party', id),
    package: (id) => lookup('package', id),
    solution: (name) => lookup('solution', name),
  };
}
