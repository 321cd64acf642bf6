import { describe, expect, it } from 'vitest';
import { describeTally, headcount } from '../../src/views/reminder-view';

const tally = {
  attending: ['Allesley', 'Earlsdon', 'Charter'],
  deputies: [{ school: 'Cannon Park', name: 'Sam Patel', role: 'Deputy head' }],
  apologies: [{ school: 'Hollyfast' }],
  noAnswer: ['Whoberley'],
  guests: [],
};

describe("the chair's headcount", () => {
  it('leads with schools represented (deputies among them), apologies and not answered', () => {
    expect(headcount(tally)).toBe('4 of 6 schools represented (1 by a deputy) · 1 apology · 1 not answered');
    expect(describeTally(tally).split('\n\n')[0]).toBe(`**${headcount(tally)}**`);
  });
});
