import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEVER_STORED, RIGHTS, WHAT_IS_STORED } from '../../src/http/privacy-statement';
import { PUBLIC_PAGES } from '../../src/http/public-pages';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

describe('"What is stored and for how long"', () => {
  it('says the same in the README as on the served privacy page, row for row', () => {
    for (const row of WHAT_IS_STORED) {
      expect(README).toContain(`| ${row.what} | ${row.why} | ${row.kept} |`);
      expect(PUBLIC_PAGES['/privacy']).toContain(
        `<td>${row.what}</td><td>${row.why}</td><td>${row.kept}</td>`,
      );
    }
    for (const text of [NEVER_STORED, RIGHTS]) {
      expect(README).toContain(text);
      expect(PUBLIC_PAGES['/privacy']).toContain(text);
    }
  });

  it('names every retention setting the bot reads', () => {
    for (const setting of [
      'RETENTION_ANSWERS_SCHOOL_YEARS',
      'RETENTION_DRAFT_MINUTES_YEARS',
      'RETENTION_CHANGE_LOG_YEARS',
      'RETENTION_DELIVERY_RECEIPT_DAYS',
    ])
      expect(WHAT_IS_STORED.map((r) => r.kept).join(' ')).toContain(setting);
  });
});
