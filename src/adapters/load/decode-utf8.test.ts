import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8 } from './decode-utf8.js';

function decodesStrictly(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe('firstInvalidUtf8', () => {
  it('agrees with the platform decoder on random bytes', () => {
    // Bytes biased toward the interesting ranges: lead bytes, continuations, and the excluded ones.
    const byte = fc.oneof(
      fc.integer({ min: 0, max: 0x7f }),
      fc.integer({ min: 0x80, max: 0xbf }),
      fc.integer({ min: 0xc0, max: 0xff }),
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 12 }), (values) => {
        const bytes = Uint8Array.from(values);
        const offset = firstInvalidUtf8(bytes);
        expect(offset === -1).toBe(decodesStrictly(bytes));
        if (offset >= 0) {
          // Everything before the offset is valid on its own.
          expect(decodesStrictly(bytes.subarray(0, offset))).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('accepts any encoded text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(firstInvalidUtf8(new TextEncoder().encode(text))).toBe(-1);
      }),
    );
  });

  it('rejects overlong forms, surrogates, code points above U+10FFFF and truncated sequences', () => {
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.from([0xe0, 0x80, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0x42, 0xe2, 0x82]))).toBe(2);
  });
});

describe('decodeUtf8', () => {
  it('drops a byte-order mark', () => {
    expect(decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ ok: true, text: 'a' });
  });

  it('locates a bad byte by line and by column in characters', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('a: 1\nb: "née'), 0xff, 0x22]);
    expect(decodeUtf8(bytes)).toEqual({ ok: false, offset: 13, byte: 0xff, line: 2, column: 8 });
  });

  it('does not count a byte-order mark as a column', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0x80]);
    expect(decodeUtf8(bytes)).toMatchObject({ ok: false, offset: 4, line: 1, column: 2 });
  });
});
