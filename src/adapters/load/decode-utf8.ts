export type DecodeResult =
  | { ok: true; text: string }
  | { ok: false; offset: number; byte: number; line: number; column: number };

const BOM = [0xef, 0xbb, 0xbf];

function startsWithBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && BOM.every((b, k) => bytes[k] === b);
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const continuation = (k: number, low = 0x80, high = 0xbf) =>
    k < bytes.length && bytes[k] >= low && bytes[k] <= high;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i += 1;
    } else if (b >= 0xc2 && b <= 0xdf) {
      if (!continuation(i + 1)) return i;
      i += 2;
    } else if (b >= 0xe0 && b <= 0xef) {
      // Excludes overlong forms (after E0) and UTF-16 surrogates (after ED).
      const low = b === 0xe0 ? 0xa0 : 0x80;
      const high = b === 0xed ? 0x9f : 0xbf;
      if (!continuation(i + 1, low, high) || !continuation(i + 2)) return i;
      i += 3;
    } else if (b >= 0xf0 && b <= 0xf4) {
      // Excludes overlong forms (after F0) and code points above U+10FFFF (after F4).
      const low = b === 0xf0 ? 0x90 : 0x80;
      const high = b === 0xf4 ? 0x8f : 0xbf;
      if (!continuation(i + 1, low, high) || !continuation(i + 2) || !continuation(i + 3)) return i;
      i += 4;
    } else {
      return i;
    }
  }
  return -1;
}

/** Decodes UTF-8 strictly (a leading byte-order mark is dropped); on failure, says where. */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const offset = Math.max(0, firstInvalidUtf8(bytes));
    let lineStart = startsWithBom(bytes) ? 3 : 0;
    let line = 1;
    for (let k = 0; k < offset; k++) {
      if (bytes[k] === 0x0a) {
        line += 1;
        lineStart = k + 1;
      }
    }
    const before = new TextDecoder('utf-8').decode(bytes.subarray(Math.min(lineStart, offset), offset));
    return { ok: false, offset, byte: bytes[offset] ?? 0, line, column: Array.from(before).length + 1 };
  }
}
