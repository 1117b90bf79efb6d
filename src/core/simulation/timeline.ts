import { addDays, isCalendarDate } from '../../schema/calendar-date.js';
import type { Batna } from '../../schema/scenario.js';
import { batnaAt } from '../model/party-model.js';
import type { Interval } from '../model/uncertain.js';

/** Maps simulated rounds to calendar dates: round r happens on start + r × daysPerRound days (rounded down). */
export interface Timeline {
  /** YYYY-MM-DD */
  start: string;
  daysPerRound: number;
}

/** The problem with a timeline as [field, message], or undefined when it is valid. */
export function timelineProblem(timeline: Timeline): [string, string] | undefined {
  if (!isCalendarDate(timeline.start)) {
    return ['start', `expected a real calendar date as YYYY-MM-DD, got '${timeline.start}'`];
  }
  if (!(timeline.daysPerRound > 0))
    return ['daysPerRound', `expected a positive number, got ${timeline.daysPerRound}`];
  return undefined;
}

export function dateAtRound(timeline: Timeline, round: number): string {
  return addDays(timeline.start, Math.floor(round * timeline.daysPerRound));
}

/**
 * A party's BATNA interval in each round 0..rounds (one extra, for offers that can be accepted a round later).
 * With a timeline, the scenario's dated series is read at each round's date; without one, the BATNA at the
 * scenario's compile date (`fixed`) holds throughout.
 */
export function batnaSchedule(
  batna: Batna | undefined,
  fixed: Interval,
  rounds: number,
  timeline: Timeline | undefined,
): Interval[] {
  const out: Interval[] = [];
  for (let r = 0; r <= rounds; r++) {
    out.push(timeline && batna !== undefined ? batnaAt(batna, dateAtRound(timeline, r)).value : fixed);
  }
  return out;
}
