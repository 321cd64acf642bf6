import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPupilData, type PupilDataFinding } from '../../src/domain/privacy/pupil-data-guard';

const TODAY = new Date('2026-12-02T10:00:00Z');

/** Text that identifies a pupil, and what the guard should say it found. */
const REFUSED: Array<[string, PupilDataFinding['kind']]> = [
  ['Sam Pupil3 04/04/2016', 'name-and-birth-date'],
  ['Sam 04/04/2016', 'name-and-birth-date'],
  ['Ava Jones, 12/09/2015', 'name-and-birth-date'],
  ['Ben (3 May 2014) to be discussed', 'name-and-birth-date'],
  ['Referral for Leo Smith 2013-05-02', 'name-and-birth-date'],
  ['Maya 4th March 2018', 'name-and-birth-date'],
  ['Grace 5/6/2017', 'name-and-birth-date'],
  ['Jacob 05.06.2012', 'name-and-birth-date'],
  ['Poppy 14/2/10', 'name-and-birth-date'],
  ['Arlo 01/01/2020 starting in January', 'name-and-birth-date'],
  ['Ivy (2009-11-30)', 'name-and-birth-date'],
  ['Sam Pupil3 4 April 2016', 'name-and-birth-date'],
  ['Mary-Jane O’Neill – 7 Sept 2011', 'name-and-birth-date'],
  ['Sam, Y6, born 2015', 'name-and-age'],
  ['Sam, Y6', 'name-and-age'],
  ['Ali (Year 4) needs support with reading', 'name-and-age'],
  ['Ellie, aged 9, school refuser', 'name-and-age'],
  ['Noah age 7', 'name-and-age'],
  ['Ruby 10yrs', 'name-and-age'],
  ['Oliver, Year 11', 'name-and-age'],
  ['Freya (Reception)', 'name-and-age'],
  ['Year 6 pupil Harry Green', 'name-and-age'],
  ['Y2 child Amelia has been moved', 'name-and-age'],
  ['Theo (age 8)', 'name-and-age'],
  ['Alfie aged 6', 'name-and-age'],
  ['Jack 3 yrs old', 'name-and-age'],
  ['Harper Year 3 EHCP', 'name-and-age'],
  ['Evie, Y1, phonics fail', 'name-and-age'],
  ['Sophia — Y4 — needs a reader', 'name-and-age'],
  ['Ava - EHCP\nBen - SEN support', 'pupils-and-needs'],
  ['Ava 102, Ben 98, Cal 110', 'pupils-and-needs'],
  ['Ben: WTS, Cal: EXS, Dan: GDS', 'pupils-and-needs'],
  ['Below ARE: Ava, Ben and Cal', 'pupils-and-needs'],
  ['EHCP pupils: Zara, Omar', 'pupils-and-needs'],
  ['Lily PP, Jack FSM, Mia EAL', 'pupils-and-needs'],
  ['Pupils discussed: Liam GDS, Emma WTS', 'pupils-and-needs'],
  ['Sam has an EHCP', 'pupils-and-needs'],
  ['Leo is LAC', 'pupils-and-needs'],
  ['Isla on a CP plan', 'pupils-and-needs'],
  ['Zain with SEN support since Year 2', 'pupils-and-needs'],
  ['Jamie (DOB 12/03/2015) needs support', 'date-of-birth'],
  ['date of birth: 3 May 2016', 'date-of-birth'],
  ['born 12.3.15 in Coventry', 'date-of-birth'],
  ['d.o.b. 2015-03-12', 'date-of-birth'],
  ['Exclusion meeting for B801200005001', 'upn'],
];

/** Everyday partnership text that must be stored as typed. */
const KEPT: string[] = [
  'Meeting on Tue 17 Nov 2026 at Earlsdon Primary',
  'Standards have risen since 2016',
  'Ofsted inspected 12/03/2019: Good',
  'Inspected 12/03/2019',
  'Last inspected 3 May 2017 (Requires improvement)',
  'Year 6 writing moderation',
  'Priya Shah (Y6 teacher, Earlsdon) to lead moderation',
  'Mrs Patel, SENCo, to share the SEND audit',
  'KS2 results: 72% met expected in RWM',
  'Review pupil premium strategy by 31/03/2027',
  'Due 14/12/2026',
  'Agreed: Jo Smith, Year 6 lead, to share the writing exemplars',
  'Next meeting 20/01/2027',
  'Opened in 2012, converted to an academy on 01/09/2015',
  'Greater depth writing: share samples from each school',
  'EHCP funding update from the LA',
  'Phonics screening check results 2026: 81% pass',
  'Mr Jones (Year 4) to share multiplication check analysis',
  'Broad Heath Y6 results are above national',
  'SEND network meeting 05/02/2027',
  'Reception baseline moderation with Ali Khan, EYFS lead',
  'Sam Taylor, deputy head, attending for Earlsdon',
  'Apologies: Ofsted visit this week',
  'Y5 and Y6 transition day on 2 July 2027',
  'Attendance at 94.2% since September',
  'Year 2 SATs papers 2016 used for practice',
  'Share EHCP annual review paperwork templates',
  "Governors' meeting 12/05/2026",
  'Pupil premium gap: 18 points in reading',
  'Chloe Evans, Year 1 class teacher, observing phonics',
  'The academy opened 01/09/2014',
  'Spring 2 meeting moved to 10/03/2027',
  'Dr Okafor (educational psychologist) to present on 9 March 2027',
  'Head of Year 9, Tom Reed, to join the transition group',
  'Reading age assessments: share the tool',
  'Call Jo Smith on 07700 900123',
  'Greater depth in maths: 24% (national 26%)',
  'Year 6 residential 15/06/2027 to 19/06/2027',
  'Safeguarding training due by 01/09/2027 for all staff',
  'Lesson study: Y3 fractions with Emma Watson and Raj Patel',
  'Kate (SEND lead) to circulate the EHCP guidance',
  'Coventry moderation 12/06/2026',
  'Moderation sample: 6 books per school from Y2 and Y6',
  'Jo Smith 01/09/2001 appointed head',
  'Sam Taylor 10/12/2026 to visit Earlsdon',
  'Aged 11 to 16 provision review',
  'Share the Year 6 EXS and GDS writing exemplars',
  'Room 101 booked for the moderation',
  'Miss Ahmed, Year 3, to share her phonics planning',
  'Hillfields Nursery',
  'Earlsdon Reception class visit',
];

describe('the pupil-data guard, by example', () => {
  it('has at least 40 examples of each kind', () => {
    expect(REFUSED.length).toBeGreaterThanOrEqual(40);
    expect(KEPT.length).toBeGreaterThanOrEqual(40);
  });

  it.each(REFUSED)('refuses %j (%s)', (text, kind) => {
    expect(findPupilData(text, TODAY)?.kind).toBe(kind);
  });

  it.each(KEPT)('keeps %j', (text) => {
    expect(findPupilData(text, TODAY)).toBeUndefined();
  });
});

describe('the pupil-data guard, for any date and name', () => {
  const FIRST_NAMES = ['Sam', 'Ava', 'Leo', 'Zara', 'Omar', 'Isla', 'Mohammed', 'Chloe', 'Pupil3'];
  const MONTHS = [
    'Jan',
    'February',
    'Mar',
    'April',
    'May',
    'Jun',
    'July',
    'Aug',
    'Sept',
    'Oct',
    'Nov',
    'December',
  ];
  const typed = (date: Date, style: number) => {
    const [d, m, y] = [date.getUTCDate(), date.getUTCMonth() + 1, date.getUTCFullYear()];
    const two = (n: number) => String(n).padStart(2, '0');
    return [
      `${two(d)}/${two(m)}/${y}`,
      `${d}/${m}/${y}`,
      `${d}.${m}.${String(y).slice(2)}`,
      `${y}-${two(m)}-${two(d)}`,
      `${d} ${MONTHS[m - 1]} ${y}`,
    ][style] as string;
  };
  const DAY = 86_400_000;

  it('refuses a name beside any date that makes them 3 to 18 today, however the date is typed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FIRST_NAMES),
        fc.integer({ min: 3 * 366, max: 18 * 365 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(' ', ', ', ' (', ' - '),
        (name, daysAgo, style, between) => {
          const born = new Date(TODAY.getTime() - daysAgo * DAY);
          expect(findPupilData(`${name}${between}${typed(born, style)}`, TODAY)?.kind).toBe(
            'name-and-birth-date',
          );
        },
      ),
    );
  });

  it('keeps a name beside any date of this school year or the next, however it is typed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FIRST_NAMES.filter((n) => n !== 'Pupil3'), 'Mrs Patel', 'Earlsdon'),
        fc.integer({ min: -300, max: 500 }),
        fc.integer({ min: 0, max: 4 }),
        (name, daysAhead, style) => {
          const when = new Date(TODAY.getTime() + daysAhead * DAY);
          expect(findPupilData(`${name} ${typed(when, style)} meeting`, TODAY)).toBeUndefined();
        },
      ),
    );
  });
});
