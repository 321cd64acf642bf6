import { describe, expect, it } from 'vitest';
import {
  acceptVolunteer,
  completeReview,
  type PeerReview,
  reviewHistory,
  scheduleVisit,
  volunteer,
  withdrawReview,
} from '../../src/domain/peer-reviews/peer-review';

const at = new Date('2026-11-23T10:00:00Z');
const head = { userId: 'u-earlsdon', name: 'Priya Shah' };
const partner = { userId: 'u-allesley', name: 'Lee Evans' };

function request(changes: Partial<PeerReview> = {}): PeerReview {
  return {
    id: 'R1',
    schoolId: 'earlsdon',
    requestedBy: head.userId,
    requestedByName: head.name,
    type: 'lesson-study',
    focus: 'Reading fluency',
    evidence: '',
    preferredHalfTerm: 'Spring 1 2026-27',
    preferredDates: '',
    reviewersWanted: 1,
    status: 'requested',
    volunteers: [],
    followUpActionIds: [],
    createdAt: at,
    history: [],
    ...changes,
  };
}

function step(result: PeerReview | string): PeerReview {
  if (typeof result === 'string') throw new Error(result);
  return result;
}

describe('a peer-review request', () => {
  it('moves from requested to reviewers found once enough volunteers are accepted', () => {
    const offered = step(volunteer(request(), { schoolId: 'allesley', reviewer: 'Lee Evans' }, partner, at));
    expect(offered.volunteers.map((v) => v.id)).toEqual(['V1']);
    expect(volunteer(offered, { schoolId: 'allesley', reviewer: 'lee evans' }, partner, at)).toBe(offered);
    const accepted = step(acceptVolunteer(offered, 'v1', head, at));
    expect(accepted.status).toBe('reviewers-found');
    expect(accepted.history.map((h) => h.status)).toEqual(['reviewers-found']);
  });

  it('is scheduled only with an accepted reviewer and a date still ahead, and done only after the visit', () => {
    const open = step(volunteer(request(), { schoolId: 'allesley', reviewer: 'Lee Evans' }, partner, at));
    expect(scheduleVisit(open, '2027-01-14', '2026-11-23', head, at)).toBe('accept a reviewer for R1 first');
    const found = step(acceptVolunteer(open, 'V1', head, at));
    expect(scheduleVisit(found, '2026-11-20', '2026-11-23', head, at)).toBe('that date has already passed');
    const booked = step(scheduleVisit(found, '2027-01-14', '2026-11-23', head, at));
    expect(completeReview(booked, 'Good', [], '2027-01-13', head, at)).toBe(
      'the visit for R1 has not happened yet',
    );
    const done = step(completeReview(booked, 'Good', ['A4'], '2027-01-14', head, at));
    expect(done).toMatchObject({ status: 'done', summary: 'Good', followUpActionIds: ['A4'] });
    expect(withdrawReview(done, head, at)).toBe('R1 is already done');
  });

  it("counts each school's requests, reviews given and reviews received", () => {
    const done = request({
      status: 'done',
      volunteers: [
        {
          id: 'V1',
          schoolId: 'allesley',
          reviewer: 'Lee',
          offeredBy: 'x',
          offeredByName: 'X',
          at,
          accepted: true,
        },
        {
          id: 'V2',
          schoolId: 'cannon',
          reviewer: 'Jo',
          offeredBy: 'y',
          offeredByName: 'Y',
          at,
          accepted: false,
        },
      ],
    });
    const withdrawn = request({ id: 'R2', schoolId: 'allesley', status: 'withdrawn' });
    expect(reviewHistory(['earlsdon', 'allesley', 'cannon'], [done, withdrawn])).toEqual([
      { schoolId: 'earlsdon', requested: 1, given: 0, received: 1 },
      { schoolId: 'allesley', requested: 0, given: 1, received: 0 },
      { schoolId: 'cannon', requested: 0, given: 0, received: 0 },
    ]);
  });
});
