import { describe, expect, it } from 'vitest';
import { attributesOf } from '../../src/telemetry/log-bridge';

describe('log lines sent to Application Insights', () => {
  it('keep their ids and counts as properties, and drop pino bookkeeping', () => {
    expect(
      attributesOf({
        level: 30,
        time: '2026-12-01T09:00:00.000Z',
        service: 'clusterbot',
        msg: 'rsvp',
        requestId: 'r-1',
        stored: true,
        counts: { schools: 6 },
      }),
    ).toEqual({ requestId: 'r-1', stored: true, counts: '{"schools":6}' });
  });

  it('become exceptions when they carry an error, with its type, message and stack', () => {
    const attributes = attributesOf({
      level: 50,
      msg: 'unhandled turn error',
      err: { type: 'TypeError', message: 'x is undefined', stack: 'TypeError: x is undefined\n    at turn' },
    });
    expect(attributes).toMatchObject({
      'exception.type': 'TypeError',
      'exception.message': 'x is undefined',
      'exception.stacktrace': 'TypeError: x is undefined\n    at turn',
    });
  });
});
