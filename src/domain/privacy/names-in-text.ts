/**
 * Where a person's name sits next to something in free text. A name here is one to three
 * capitalised words ("Sam", "Sam Pupil3", "Mary-Jane O'Neill"); the words a meeting's text
 * capitalises for other reasons (months, days, school-name words, subjects, sentence openers) are
 * not names, and a name after a title (Mrs Patel, Dr Okafor) is a member of staff.
 */
const NAME_WORD = String.raw`[A-Z](?:[a-z]+|(?=['’]))(?:['’-][A-Za-z]+)*\d{0,2}`;
const NAME_AT_END = new RegExp(String.raw`(?:^|[^A-Za-z'’-])((?:${NAME_WORD}\s+){0,2}${NAME_WORD})$`);
const NAME_AT_START = new RegExp(String.raw`^(${NAME_WORD})\b`);
/** What may sit between a name and what it is next to: "Sam, Y6", "Sam (4/4/2016)", "Ava - EHCP". */
const BETWEEN_AT_END = /[\s,:;()[\]–—-]{0,4}$/;
const BETWEEN_AT_START = /^[\s,:;()[\]–—-]{0,4}/;
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'professor',
  'sir',
  'dame',
  'rev',
  'revd',
]);
const TITLE_AT_END = /\b(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|rev|revd)\.?\s*$/i;
/** "Pupil3", "Child 2": how a pseudonymised pupil is written, so a name all the same. */
const PSEUDONYM = /^(?:pupil|child|student|learner)\d{1,2}$/i;

const NOT_NAMES = new Set(
  `january february march april may june july august september october november december jan feb mar apr
  jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed
  thu thur thurs fri sat sun today tomorrow yesterday autumn spring summer term half week year years
  reception nursery ofsted siams school schools academy academies trust primary junior juniors infant
  infants college church heath park green hill hills road lane street wood woods field fields farm grove
  valley vale house court cross end common manor abbey priory meadow meadows brook bridge gate moor
  st saint catholic methodist federation cluster network partnership board governors governor local
  authority council city county coventry essex england national i meeting meetings inspection inspected
  inspections visit visited visits review reviewed reviews report reports moderation writing reading
  maths mathematics science phonics history geography music art computing english spelling grammar
  premium pupil pupils children staff parents teachers training conference deadline due dated date dates
  next last since from until till before after by on at in of for to and with the a an this that these
  those all each every our we our please share discuss agreed agree action actions minutes agenda item
  items note notes update updates opened closed joined held met published converted started ended
  signed submitted received sent approved completed done moved cancelled postponed apologies attending
  room hall library online teams welcome thanks outcome outcomes results data summary focus evidence
  question questions lesson lessons study transition residential trip assessment assessments test tests
  good outstanding requires improvement inadequate special measures key stage head deputy assistant
  executive chair host lead leader leaders sendco senco inclusion safeguarding attendance curriculum`
    .split(/\s+/)
    .filter(Boolean),
);

const isName = (word: string) =>
  PSEUDONYM.test(word) || !NOT_NAMES.has(word.replace(/\d+$/, '').toLowerCase());

/** The person's name just before `index`, if there is one (staff with a title are not counted). */
export function nameBefore(text: string, index: number): string | undefined {
  const before = text.slice(Math.max(0, index - 80), index).replace(BETWEEN_AT_END, '');
  const match = NAME_AT_END.exec(before);
  if (!match?.[1]) return undefined;
  const words = match[1].split(/\s+/);
  const name: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i] ?? '';
    if (TITLES.has(word.toLowerCase())) return undefined; // Mrs Patel: staff
    if (!isName(word)) break;
    name.unshift(word);
  }
  if (name.length === 0) return undefined;
  const rest = before.slice(0, before.length - name.join(' ').length);
  return TITLE_AT_END.test(rest) ? undefined : name.join(' ');
}

/** The person's name just after `index`, if there is one. */
export function nameAfter(text: string, index: number): string | undefined {
  const after = text.slice(index).replace(BETWEEN_AT_START, '');
  const word = NAME_AT_START.exec(after)?.[1];
  return word && isName(word) ? word : undefined;
}

/** Text from `start` to `end`, widened to include the name found before it. */
export function spanWithName(text: string, name: string, start: number, end: number): string {
  const from = text.lastIndexOf(name, start);
  return text.slice(from >= 0 ? from : start, end).trim();
}
