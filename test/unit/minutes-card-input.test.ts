import { describe, expect, it } from 'vitest';
import { readMinutesCard } from '../../src/views/minutes-view';

describe('reading the minutes card back', () => {
  it('reads attendance, notes by agenda position, lines of decisions and guests, and filled action rows', () => {
    const input = readMinutesCard({
      clusterId: 'c1',
      meetingId: '2026-27#2',
      'mark-urn-1': 'present',
      'deputy-urn-1': 'ignored unless deputising',
      'mark-urn-2': 'deputy',
      'deputy-urn-2': ' Sam Lee, deputy head ',
      'note-1': 'Second item notes',
      'note-0': 'First item notes',
      guests: 'Jo Smith, SENCo (Earlsdon)\n\n',
      decisions: 'One\r\nTwo\n',
      'action-0-title': 'Share the timetable',
      'action-0-school': 'urn-2',
      'action-0-owner': '',
      'action-0-due': '',
      'action-1-title': '',
      'action-1-school': '',
      'action-2-title': 'Book the venue',
      'action-2-school': 'urn-1',
      'action-2-owner': '29:abc',
      'action-2-due': '2026-12-11',
    });
    expect(input).toEqual({
      attendance: [
        { schoolId: 'urn-1', mark: 'present' },
        { schoolId: 'urn-2', mark: 'deputy', deputy: 'Sam Lee, deputy head' },
      ],
      guests: ['Jo Smith, SENCo (Earlsdon)'],
      notes: ['First item notes', 'Second item notes'],
      decisions: ['One', 'Two'],
      actions: [
        { title: 'Share the timetable', schoolId: 'urn-2' },
        { title: 'Book the venue', schoolId: 'urn-1', ownerUserId: '29:abc', due: '2026-12-11' },
      ],
    });
  });

  it('says which action row is incomplete', () => {
    expect(readMinutesCard({ 'action-1-title': 'Book the venue' })).toBe(
      'new action 2 ("Book the venue") needs an owner school',
    );
    expect(readMinutesCard({ 'action-0-school': 'urn-1' })).toBe(
      'new action 1 has an owner or date but no description: say what will be done',
    );
    expect(
      readMinutesCard({ 'action-0-title': 'X', 'action-0-school': 'urn-1', 'action-0-due': '11/12/2026' }),
    ).toBe('the due date of new action 1 is not a date');
  });

  it('refuses an attendance value the card never offers', () => {
    expect(readMinutesCard({ 'mark-urn-1': 'asleep' })).toBe('choose how urn-1 attended');
  });
});
