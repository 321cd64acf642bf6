import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger';
import { startBotHarness } from '../support/bot-harness';
import {
  botAddedToTeam,
  channelMessage,
  HEAD_OF_BROAD_HEATH,
  personalMessage,
} from '../support/teams-activities';

function memoryLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString().trim().split('\n'));
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

describe('logs at info level', () => {
  it('record each turn with a request id and outcome, but never the message text or names', async () => {
    const { lines, logger } = memoryLog();
    const bot = await startBotHarness('2026-11-23T09:00:00Z', logger);

    await bot.send(botAddedToTeam());
    await bot.send(channelMessage('/help Year 6 writing moderation at Broad Heath'));
    await bot.send(personalMessage('/nonsense about a pupil called Jamie'));

    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.map((e) => e.msg)).toEqual(['bot installed', 'command handled', 'command handled']);
    for (const entry of entries) {
      expect(entry.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(entry.activityId).toEqual(expect.any(String));
    }
    expect(entries[1]).toMatchObject({ outcome: 'handled', command: 'help' });
    expect(entries[2]).toMatchObject({ outcome: 'unknown' });

    const everything = lines.join('\n');
    for (const secret of ['Year 6', 'Broad Heath', 'Jamie', 'nonsense', HEAD_OF_BROAD_HEATH.name]) {
      expect(everything).not.toContain(secret);
    }
  });
});
