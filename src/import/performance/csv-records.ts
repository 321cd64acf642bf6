import { isAscii } from 'node:buffer';
import { once } from 'node:events';
import { parse } from 'csv-parse';
import { decodeWindows1252, utf16Of } from '../decode-text-file';

/**
 * CSV records from text arriving in pieces (a paste is one piece; a national file is thousands),
 * one at a time, so memory stays flat however long the file is: the parser holds one record.
 */
export async function* csvRecords(
  chunks: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<string[]> {
  const parser = parse({ relax_column_count: true, bom: true, skip_empty_lines: true, relax_quotes: true });
  const feeding = (async () => {
    for await (const chunk of chunks) if (!parser.write(chunk)) await once(parser, 'drain');
    parser.end();
  })().catch((error: unknown) => parser.destroy(error instanceof Error ? error : new Error(String(error))));
  for await (const record of parser) yield record as string[];
  await feeding;
}

/**
 * Bytes as text, deciding the encoding by the first bytes that need one: UTF-16 by its mark;
 * otherwise UTF-8 if the first chunk with a non-ASCII byte is valid UTF-8, else windows-1252
 * (Ofsted's, GIAS's). Until then the text is plain ASCII, the same in both, so a windows-1252
 * file whose first accented name comes a megabyte in is still read as windows-1252.
 */
export async function* decodedChunks(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let decoder: InstanceType<typeof TextDecoder> | 'windows-1252' | undefined;
  let first = true;
  for await (const chunk of bytes) {
    const utf16 = first ? utf16Of(chunk) : undefined;
    first = false;
    if (utf16) decoder = new TextDecoder(utf16);
    if (!decoder && !isAscii(chunk)) decoder = isUtf8Start(chunk) ? new TextDecoder('utf-8') : 'windows-1252';
    if (decoder === undefined || decoder === 'windows-1252') yield decodeWindows1252(chunk);
    else yield decoder.decode(chunk, { stream: true });
  }
  if (decoder && decoder !== 'windows-1252') yield decoder.decode();
}

function isUtf8Start(chunk: Uint8Array): boolean {
  try {
    // A multi-byte character cut at the chunk's end is not an error: leave the last 3 bytes out.
    new TextDecoder('utf-8', { fatal: true }).decode(chunk.subarray(0, Math.max(0, chunk.length - 3)));
    return true;
  } catch {
    return false;
  }
}
