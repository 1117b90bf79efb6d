/**
 * Records keyed by user ids (weights, values, statuses, agents) are plain objects, so a lookup of an id named
 * like an Object.prototype member ('constructor', 'toString') would find the inherited function. These read
 * only what the record itself holds.
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

export function hasOwnKey(record: object | undefined, key: string): boolean {
  return record !== undefined && Object.hasOwn(record, key);
}
