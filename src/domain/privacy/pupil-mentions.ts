import { DATE_PATTERN, readTypedDate, SCHOOL_AGE, yearsSince } from './free-text-dates';
import { nameAfter, nameBefore, spanWithName } from './names-in-text';

/**
 * The three ways a pupil is identified in a sentence without a UPN: a name beside a date that
 * would be a school-age birth date, a name with an age or year group, and names listed with
 * attainment or needs. Each is written so that the text schools share every week (meeting dates,
 * "Year 6 writing moderation", "Priya Shah (Y6 teacher)", "SEND lead") is not caught.
 */
export type Mention = { kind: 'name-and-birth-date' | 'name-and-age' | 'pupils-and-needs'; text: string };

const DATES = new RegExp(DATE_PATTERN, 'gi');
const YEAR_GROUP = String.raw`\b(?:Y|Yr|Year)\s?(?:[1-9]|1[0-3])\b|\bReception\b|\bNursery\b`;
const AGE = String.raw`\baged?\s*(\d{1,2})\b|\b(\d{1,2})\s*(?:yrs?|years?|y\/?o)(?:\s+old)?\b`;
const AGE_OR_YEAR = new RegExp(`${YEAR_GROUP}|${AGE}`, 'gi');
/** After "Sam, Y6" these mean the year group is about Sam (else it is a cohort or a role). */
const ABOUT_THE_PERSON =
  /^\s*(?:$|[,.;:)\]\n–—-]|(?:born|pupil|child|boy|girl|has|is|was|needs?|with|who|scored|working|EHCP|SEN|SEND|FSM|PP|EAL|LAC|CLA|CIN)\b)/;
const PUPIL_THEN_NAME = new RegExp(
  String.raw`(?:${YEAR_GROUP})\s+(?:pupil|child|boy|girl|student|learner)\s+(?:called\s+|named\s+)?`,
  'gi',
);

const NEEDS = String.raw`\b(?:EHCP|EHC\s+plan|SEN\s+support|SEND|SEN|PP|FSM|EAL|LAC|CLA|CIN|CP\s+plan|WTS|WT|EXS|GDS|GD|PKF|HNM|ARE)\b|\b(?:working\s+towards|greater\s+depth|(?:below|at|above)\s+expected)\b`;
const NEEDS_MARKERS = new RegExp(NEEDS, 'g');
/** "SEND lead", "EHCP funding", "ARE guidance": the marker names a role or a topic, not a pupil's need. */
const A_TOPIC_NOT_A_PUPIL =
  /^\s*(?:lead|leads|leader|co-?ordinator|team|governor|policy|funding|budget|training|network|audit|review|strategy|register|provision|guidance|paperwork|templates?|update|meeting|forum|champion|officer|advisers?|in\s+(?:reading|writing|maths))\b/i;
const SCALED_SCORE = /\b([A-Z][a-z]+)\s*[:\-–]?\s*(?:8\d|9\d|1[01]\d|120)\b(?!\s*%|\s*\.\d)/g;
const LIST_AFTER_NEEDS = new RegExp(
  String.raw`(?:${NEEDS})(?:\s+(?:pupils|children))?\s*:\s*[A-Z][a-z]+(?:\s*(?:,|and|&)\s*[A-Z][a-z]+)+`,
  'g',
);
const ONE_PUPILS_NEEDS =
  /\b([A-Z][a-z]+)\s+(?:has|is|on|with|needs)\s+(?:an?\s+|the\s+)?(?:EHCP|EHC\s+plan|CP\s+plan|child\s+protection\s+plan|LAC|CLA|CIN|looked\s+after|SEN\s+support|the\s+SEN\s+register)\b/g;

/** A name next to a date that would make its owner 2 to 19 today. */
export function nameWithBirthDate(text: string, today: Date): Mention | undefined {
  for (const match of text.matchAll(DATES)) {
    const date = readTypedDate(match[0], today);
    if (!date) continue;
    const age = yearsSince(date, today);
    if (age < SCHOOL_AGE.youngest || age > SCHOOL_AGE.oldest) continue;
    const name = nameBefore(text, match.index);
    if (name)
      return {
        kind: 'name-and-birth-date',
        text: spanWithName(text, name, match.index, match.index + match[0].length),
      };
  }
  return undefined;
}

/** "Sam, Y6", "Ellie, aged 9", "Freya (Reception)", "Year 6 pupil Harry Green". */
export function nameWithAgeOrYear(text: string): Mention | undefined {
  for (const match of text.matchAll(AGE_OR_YEAR)) {
    const age = Number(match[1] ?? match[2] ?? Number.NaN);
    if (!Number.isNaN(age) && (age < SCHOOL_AGE.youngest || age > SCHOOL_AGE.oldest)) continue;
    // "Hillfields Nursery" is a school: a phase counts only set off as one, "Freya (Reception)".
    if (/^(?:reception|nursery)$/i.test(match[0]) && !/[(,–—-]\s*$/.test(text.slice(0, match.index)))
      continue;
    const end = match.index + match[0].length;
    const name = nameBefore(text, match.index);
    if (name && ABOUT_THE_PERSON.test(text.slice(end)))
      return { kind: 'name-and-age', text: spanWithName(text, name, match.index, end) };
  }
  for (const match of text.matchAll(PUPIL_THEN_NAME)) {
    const end = match.index + match[0].length;
    const name = nameAfter(text, end);
    if (name) return { kind: 'name-and-age', text: text.slice(match.index, end + name.length).trim() };
  }
  return undefined;
}

/** Two or more pupils named with attainment or needs, or one pupil's plan or status. */
export function pupilsWithNeeds(text: string): Mention | undefined {
  const listed = LIST_AFTER_NEEDS.exec(text) ?? ONE_PUPILS_NEEDS.exec(text);
  LIST_AFTER_NEEDS.lastIndex = 0;
  ONE_PUPILS_NEEDS.lastIndex = 0;
  if (listed) return { kind: 'pupils-and-needs', text: listed[0] };
  const pairs: string[] = [];
  for (const match of text.matchAll(NEEDS_MARKERS)) {
    const end = match.index + match[0].length;
    if (A_TOPIC_NOT_A_PUPIL.test(text.slice(end))) continue;
    const before = nameBefore(text, match.index);
    const name = before ?? nameAfter(text, end);
    if (name) pairs.push(before ? spanWithName(text, before, match.index, end) : `${match[0]} ${name}`);
  }
  for (const match of text.matchAll(SCALED_SCORE)) if (isNameWord(match[1])) pairs.push(match[0]);
  return pairs.length >= 2 ? { kind: 'pupils-and-needs', text: pairs.slice(0, 3).join(', ') } : undefined;
}

const isNameWord = (word: string | undefined) => word !== undefined && nameAfter(word, 0) !== undefined;
