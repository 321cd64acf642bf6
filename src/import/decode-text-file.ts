/**
 * Files from the DfE (GIAS exports) are windows-1252; files saved from Excel or typed into Teams
 * are usually UTF-8. Valid UTF-8 is read as UTF-8 (without a BOM); anything else as windows-1252,
 * so "St Mary’s" survives either way.
 */
export function decodeTextFile(bytes: Uint8Array): string {
  const utf16 = utf16Of(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** Excel's "Unicode Text" is UTF-16, marked by its byte-order mark. */
export function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * Node's TextDecoder treats 'windows-1252' as Latin-1, which turns the curly quotes and dashes in
 * 0x80–0x9F into control characters. This table is the real windows-1252 for that range.
 */
export const HIGH_CONTROL_RANGE: Record<number, number> = {
  128: 0x20ac,
  130: 0x201a,
  131: 0x0192,
  132: 0x201e,
  133: 0x2026,
  134: 0x2020,
  135: 0x2021,
  136: 0x02c6,
  137: 0x2030,
  138: 0x0160,
  139: 0x2039,
  140: 0x0152,
  142: 0x017d,
  145: 0x2018,
  146: 0x2019,
  147: 0x201c,
  148: 0x201d,
  149: 0x2022,
  150: 0x2013,
  151: 0x2014,
  152: 0x02dc,
  153: 0x2122,
  154: 0x0161,
  155: 0x203a,
  156: 0x0153,
  158: 0x017e,
  159: 0x0178,
};

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    text += String.fromCharCode(HIGH_CONTROL_RANGE[byte] ?? byte);
  }
  return text;
}
