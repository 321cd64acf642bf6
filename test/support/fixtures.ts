import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Coventry's eight primary networks (93 schools), as `network,school`. */
export const COVENTRY_ROSTER = readFileSync(
  join(__dirname, '..', 'fixtures', 'coventry-networks.csv'),
  'utf8',
);
