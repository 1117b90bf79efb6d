/** Escapes text for an XML attribute value in double quotes. */
export function xmlAttr(value: string | number): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

/** A number written so that reading it back gives the same double. */
export function exactNumber(x: number): string {
  return Object.is(x, -0) ? '0' : String(x);
}
