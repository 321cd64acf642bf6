import { notATextFile } from '../import/file-kinds';

/** The start of a file as it arrives: enough of it to tell what it is, before the rest is read. */
const NOT_TEXT: Record<NonNullable<ReturnType<typeof notATextFile>>, string> = {
  office:
    'That is an Excel workbook (or another Office file), not a CSV. Open it in Excel, choose File, Save As, "CSV UTF-8", and send that file. Nothing was imported.',
  pdf: 'That is a PDF. Clusterbot reads CSV files (and .ics calendars for term dates) as downloaded from GIAS, the DfE, Ofsted or your council. Nothing was imported.',
  binary:
    'That is not a text file. Clusterbot reads CSV files (and .ics calendars for term dates) as downloaded from GIAS, the DfE, Ofsted or your council. Nothing was imported.',
};

/** Why a file that is not text (a workbook, a PDF) is refused on sight, and what to send instead. */
export function notTextRefusal(head: Uint8Array): string | undefined {
  const notText = notATextFile(head);
  return notText ? NOT_TEXT[notText] : undefined;
}

/** Enough of a file's start to tell what it is, whatever size the pieces arrive in. */
const HEAD_BYTES = 8192;

/**
 * The start of a stream (to tell what the file is), the whole stream again, and a way to stop
 * the download when the file is refused on sight.
 */
export async function peek(bytes: AsyncIterable<Uint8Array>) {
  const iterator = bytes[Symbol.asyncIterator]();
  const pieces: Uint8Array[] = [];
  let length = 0;
  while (length < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) break;
    pieces.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(pieces);
  async function* again() {
    try {
      if (head.length > 0) yield head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      // Stopped early (a file too large): let go of the source, so a download stops and a request drains.
      await iterator.return?.();
    }
  }
  return { head, rest: again(), cancel: async () => void (await iterator.return?.()) };
}
