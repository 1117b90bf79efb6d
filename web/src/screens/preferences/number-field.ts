import type { UncertainNumber } from '../../../../src/schema/scenario.js';

/**
 * An estimate as a form edits it: text as typed, so that "12." or "abc" survive until validation, which then
 * reports exactly what the command line reports for the same text in a file.
 */
export interface NumberField {
  estimate: string;
  low: string;
  high: string;
  /** Where the estimate comes from; '' for none. */
  source: string;
  /** Whether the estimate has a stated range (the {estimate, low, high} form). */
  ranged: boolean;
}

export const EMPTY_NUMBER: NumberField = { estimate: '', low: '', high: '', source: '', ranged: false };

/** A number when the text is one, else the text itself, so that the validator names what was typed. */
export function numberOrText(text: string): number | string {
  const trimmed = text.trim();
  if (trimmed === '') return text;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : text;
}

export function fieldFromNumber(value: UncertainNumber): NumberField {
  if (typeof value === 'number') return { ...EMPTY_NUMBER, estimate: String(value) };
  return {
    estimate: String(value.estimate),
    low: String(value.low),
    high: String(value.high),
    source: value.source ?? '',
    ranged: true,
  };
}

/**
 * The value the file format takes. A source on an estimate without a range needs the object form, so it
 * becomes a range of one point (low = estimate = high), which says the same thing.
 */
export function numberFromField(field: NumberField): UncertainNumber {
  const estimate = numberOrText(field.estimate);
  if (!field.ranged && field.source === '') return estimate as number;
  const low = field.ranged ? numberOrText(field.low) : estimate;
  const high = field.ranged ? numberOrText(field.high) : estimate;
  const source = field.source === '' ? {} : { source: field.source };
  return { estimate, low, high, ...source } as UncertainNumber;
}

/** Whether nothing was typed: an omitted entry (a weight of 0, an option without a value). */
export function isBlank(field: NumberField): boolean {
  return (
    field.estimate.trim() === '' && field.low.trim() === '' && field.high.trim() === '' && field.source === ''
  );
}
