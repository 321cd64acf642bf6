import { describe, expect, it } from 'vitest';
import { PupilDataRefusedError } from '../../src/services/pupil-data-gate';
import { noticeForError } from '../../src/teams/turn-notices';

describe('a turn stopped by the pupil-data gate before storage', () => {
  it('tells the person what was found and that nothing was saved, with no error reference', () => {
    const refusal = 'the phase contains a Unique Pupil Number (UPN): "B801200005001". Pupil data is …';
    expect(noticeForError(new PupilDataRefusedError(refusal, 'schools.0.phase'), 'abcdef1234')).toEqual({
      title: 'Nothing was saved',
      text: `Sorry, ${refusal}.`,
      reference: '',
    });
  });

  it('keeps the general notice, with a reference, for anything else', () => {
    expect(noticeForError(new Error('boom'), 'abcdef1234').reference).toContain('abcdef12');
  });
});
