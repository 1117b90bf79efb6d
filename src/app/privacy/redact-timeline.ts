import { DEFAULT_POLICY, type DisclosurePolicy } from '../../core/privacy/disclosure-policy.js';
import { maySee, type Viewer } from '../../core/privacy/viewer.js';
import type { TimelineEntry } from '../../core/versions/index.js';
import type { TimelineData } from '../timeline.js';

/** A timeline as a non-mediator may see it: the dated entries without settlement gaps. */
export interface TimelineView {
  scenario: string;
  from: string | null;
  to: string | null;
  documents: string[];
  /** Without gaps (TimelineEntry without its gap type). */
  entries: TimelineEntry[];
  withheld: string[];
}

/**
 * The result of the timeline use case for `viewer`. Settlement gaps sum what every signatory gives up, so they
 * are the mediator's alone; events, versions, packages and status changes are shared; stated positions are
 * withheld from others when the policy makes positions private.
 */
export function redactTimeline(
  data: TimelineData,
  viewer: Viewer,
  policy: DisclosurePolicy = DEFAULT_POLICY,
): TimelineData | TimelineView {
  if (viewer.role === 'mediator') return data;
  const entries = data.entries.flatMap((entry): TimelineEntry[] => {
    if (entry.kind === 'position' && policy.privatePositions && !maySee(viewer, entry.party)) return [];
    if (entry.kind === 'version') {
      const { gaps: _gaps, ...shared } = entry;
      return [structuredClone(shared)];
    }
    return [structuredClone(entry)];
  });
  return {
    scenario: data.scenario,
    from: data.from,
    to: data.to,
    documents: [...data.documents],
    entries,
    withheld: ['settlement gaps and convergence (they sum every party’s losses)'],
  };
}
