import type { YearCalendar } from '../../src/domain/calendar/term-dates';

/** Indicative 2026-27 dates (not official: every council and trust sets its own). */
export const YEAR_2026_27: YearCalendar = {
  year: '2026-27',
  halfTerms: [
    { halfTerm: 1, start: '2026-09-03', end: '2026-10-23' },
    { halfTerm: 2, start: '2026-11-02', end: '2026-12-18' },
    { halfTerm: 3, start: '2027-01-05', end: '2027-02-12' },
    { halfTerm: 4, start: '2027-02-22', end: '2027-03-25' },
    { halfTerm: 5, start: '2027-04-12', end: '2027-05-28' },
    { halfTerm: 6, start: '2027-06-07', end: '2027-07-21' },
  ],
  closures: [],
};

export const YEAR_2027_28: YearCalendar = {
  year: '2027-28',
  halfTerms: [
    { halfTerm: 1, start: '2027-09-02', end: '2027-10-22' },
    { halfTerm: 2, start: '2027-11-01', end: '2027-12-17' },
    { halfTerm: 3, start: '2028-01-04', end: '2028-02-11' },
    { halfTerm: 4, start: '2028-02-21', end: '2028-03-31' },
    { halfTerm: 5, start: '2028-04-18', end: '2028-05-26' },
    { halfTerm: 6, start: '2028-06-05', end: '2028-07-21' },
  ],
  closures: [],
};

export const TERM_DATES_CSV_2026_27 = [
  'half term,start,end',
  'Autumn 1,03/09/2026,23/10/2026',
  'Autumn 2,02/11/2026,18/12/2026',
  'Spring 1,05/01/2027,12/02/2027',
  'Spring 2,22/02/2027,25/03/2027',
  'Summer 1,12/04/2027,28/05/2027',
  'Summer 2,07/06/2027,21/07/2027',
].join('\n');
