/** What a party's view shows where a value is withheld: never a blank, never a zero. */
export const WITHHELD = 'not disclosed';
