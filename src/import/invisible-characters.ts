import type { InvisibleCharacter } from '../domain/imports/file-upload';
import { HIGH_CONTROL_RANGE } from './decode-text-file';

/**
 * Characters nobody can see that end up in downloaded files: a GIAS file once decoded as Latin-1
 * and saved again carries U+0092 where "St Teresa’s" had its apostrophe, and files copied from web
 * pages carry zero-width spaces. Stored, they make "St Teresas" differ from what anyone types. They
 * are taken out as a file is read, and every one is reported by line so the lead knows.
 */
const NAMED: Record<number, string> = {
  160: 'a non-breaking space, read as a space',
  173: 'a soft hyphen',
  8203: 'a zero-width space',
  8204: 'a zero-width non-joiner',
  8205: 'a zero-width joiner',
  8206: 'a left-to-right mark',
  8207: 'a right-to-left mark',
  8288: 'a word joiner',
  65279: 'a byte-order mark',
};

// C0 controls but tab, line feed and carriage return; DEL; C1 controls; the named ones above.
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00A0\u00AD\u200B-\u200F\u2060\uFEFF]/g;

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** What an invisible character becomes: its windows-1252 meaning (a C1 control), a space, or nothing. */
function replacementFor(code: number): { by: string; what: string } {
  const meant = HIGH_CONTROL_RANGE[code];
  if (meant !== undefined) {
    const character = String.fromCharCode(meant);
    return { by: character, what: `${hex(code)}, read as ${character}` };
  }
  if (code === 0x00a0) return { by: ' ', what: NAMED[code] ?? hex(code) };
  return { by: '', what: NAMED[code] ?? `the control character ${hex(code)}` };
}

/**
 * Reads text in pieces (a pasted file is one, an upload thousands), taking invisible characters
 * out and noting each with its line. A byte-order mark at the very start is the file's encoding
 * mark, not content: it goes unreported.
 */
export class InvisibleCharacterFilter {
  readonly found: InvisibleCharacter[] = [];
  private line = 1;
  private started = false;

  clean(piece: string): string {
    let text = piece;
    if (!this.started && text.length > 0) {
      this.started = true;
      text = text.replace(/^\uFEFF/, '');
    }
    // Most pieces have none: count their lines and pass them on untouched.
    if (text.search(INVISIBLE) < 0) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.line += 1;
      return text;
    }
    let line = this.line;
    let counted = 0;
    const cleaned = text.replace(INVISIBLE, (character, offset: number) => {
      for (let i = text.indexOf('\n', counted); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
        line += 1;
        counted = i + 1;
      }
      const { by, what } = replacementFor(character.charCodeAt(0));
      this.found.push({ line, what });
      return by;
    });
    for (let i = text.indexOf('\n', counted); i >= 0; i = text.indexOf('\n', i + 1)) line += 1;
    this.line = line;
    return cleaned;
  }

  async *cleanAll(pieces: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string> {
    for await (const piece of pieces) yield this.clean(piece);
  }
}

/** Text with invisible characters taken out, and what was taken out. */
export function withoutInvisibleCharacters(text: string): { text: string; found: InvisibleCharacter[] } {
  const filter = new InvisibleCharacterFilter();
  return { text: filter.clean(text), found: filter.found };
}
