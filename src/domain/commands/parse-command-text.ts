/**
 * Turns what a person typed into a command name and its arguments.
 *
 * Teams delivers channel messages with the bot's mention still in the text
 * (`<at>Clusterbot</at> /help`). botbuilder strips the mention only when its entity matches the
 * bot exactly, so we also drop any mention tags that *lead* the message. Mentions later in the
 * text are kept: they are arguments (e.g. linking a person to a school).
 */
export type ParsedCommandText = { kind: 'command'; name: string; args: string } | { kind: 'empty' };

const LEADING_MENTION = /^\s*<at>[^<]*<\/at>/i;

export function parseCommandText(text: string | undefined | null): ParsedCommandText {
  let rest = normaliseSpaces(text ?? '');
  while (LEADING_MENTION.test(rest)) {
    rest = rest.replace(LEADING_MENTION, '');
  }
  rest = rest.trim().replace(/^\/+/, '');
  const match = /^(\S+)\s*([\s\S]*)$/.exec(rest);
  if (!match?.[1]) {
    return { kind: 'empty' };
  }
  return { kind: 'command', name: match[1].toLowerCase(), args: (match[2] ?? '').trim() };
}

function normaliseSpaces(text: string): string {
  // Teams sometimes sends non-breaking spaces (and their HTML entity) around mentions.
  return text.replace(/&nbsp;/gi, ' ').replace(/\u00a0/g, ' ');
}
