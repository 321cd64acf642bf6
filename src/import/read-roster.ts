import { parse } from 'csv-parse/sync';
import type { InvisibleCharacter } from '../domain/imports/file-upload';
import { withoutInvisibleCharacters } from './invisible-characters';

/** A school as read from a roster file, before it is added to a cluster. */
export interface RosterRow {
  line: number;
  name: string;
  urn?: string;
  headName?: string;
  phase?: string;
  network?: string;
  town?: string;
  /** The name as published, where `name` had to tell it apart from a school of the same name. */
  officialName?: string;
}

export interface RosterReport {
  format: 'simple' | 'network' | 'gias';
  rows: RosterRow[];
  /** Rows that are wrong: any of these stops the whole import. */
  rejected: Array<{ line: number; reason: string }>;
  /** Rows deliberately left out (closed establishments), reported but not errors. */
  skipped: Array<{ line: number; reason: string }>;
  /** Schools sharing a name (told apart by URN, the identity): how each is now named. */
  toldApart: Array<{ name: string; as: string[] }>;
  /** Invisible characters taken out of the file (see invisible-characters.ts), by line. */
  invisible: InvisibleCharacter[];
}

const MAX_NAME = 100;

/**
 * Reads a roster in one of three shapes, recognised by the header row:
 * - simple:  school,urn,head   (urn and head may be empty)
 * - network: network,school[,urn,head]   (e.g. Coventry's eight networks in one file)
 * - gias:    the DfE GIAS establishment export (URN, EstablishmentName, HeadFirstName, …)
 */
export function readRoster(text: string): RosterReport | { problem: string } {
  const { text: visible, found: invisible } = withoutInvisibleCharacters(text);
  let records: string[][];
  try {
    records = parse(visible, {
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
    }) as string[][];
  } catch (error) {
    return {
      problem: `the file is not valid CSV (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const column = (...names: string[]) => header.findIndex((h) => names.includes(h));

  let format: RosterReport['format'];
  let nameAt: number;
  if (column('urn') >= 0 && column('establishmentname') >= 0) {
    format = 'gias';
    nameAt = column('establishmentname');
  } else if (column('network', 'cluster', 'partnership') >= 0 && column('school', 'name') >= 0) {
    format = 'network';
    nameAt = column('school', 'name');
  } else if (column('school', 'name') >= 0) {
    format = 'simple';
    nameAt = column('school', 'name');
  } else {
    return {
      problem:
        'the first row must be a header: "school,urn,head", "network,school" or a GIAS export (URN, EstablishmentName, …)',
    };
  }
  const urnAt = column('urn');
  const headAt = column('head', 'headteacher', 'head teacher');
  const firstAt = column('headfirstname');
  const lastAt = column('headlastname');
  const phaseAt = column('phaseofeducation (name)', 'phase');
  const statusAt = column('establishmentstatus (name)');
  const networkAt = column('network', 'cluster', 'partnership');

  const townAt = column('town');
  const report: RosterReport = { format, rows: [], rejected: [], skipped: [], toldApart: [], invisible };
  const seenUrn = new Map<string, number>();
  const seenName = new Map<string, { line: number; urn?: string }>();
  for (const [index, record] of records.slice(1).entries()) {
    const line = index + 2;
    const cell = (at: number) => (at >= 0 ? (record[at] ?? '').trim() : '');
    if (record.every((value) => value.trim() === '')) continue;

    const name = cell(nameAt).replace(/\s+/g, ' ');
    const urn = cell(urnAt);
    if (statusAt >= 0 && /^closed$/i.test(cell(statusAt))) {
      report.skipped.push({ line, reason: `${name || 'establishment'} is closed` });
      continue;
    }
    if (!name) {
      report.rejected.push({ line, reason: 'the school name is empty' });
      continue;
    }
    if (name.length > MAX_NAME) {
      report.rejected.push({
        line,
        reason: `the school name is longer than ${MAX_NAME} characters`,
      });
      continue;
    }
    if (urn && !/^\d{6}$/.test(urn)) {
      report.rejected.push({ line, reason: `"${urn}" is not a URN (a URN is 6 digits)` });
      continue;
    }
    const network = cell(networkAt);
    if (format === 'network' && !network) {
      report.rejected.push({ line, reason: 'the network name is empty' });
      continue;
    }
    const nameKey = `${network.toLowerCase()}|${name.toLowerCase()}`;
    if (urn && seenUrn.has(urn)) {
      report.rejected.push({ line, reason: `URN ${urn} is also on line ${seenUrn.get(urn)}` });
      continue;
    }
    // The URN is a school's identity: two schools may share a name if each has its own URN.
    const earlier = seenName.get(nameKey);
    if (earlier && !(urn && earlier.urn)) {
      report.rejected.push({
        line,
        reason: `${name} is also on line ${earlier.line}: give each its URN to tell them apart`,
      });
      continue;
    }
    if (urn) seenUrn.set(urn, line);
    if (!earlier) seenName.set(nameKey, { line, ...(urn ? { urn } : {}) });

    const head = format === 'gias' ? [cell(firstAt), cell(lastAt)].filter(Boolean).join(' ') : cell(headAt);
    report.rows.push({
      line,
      name,
      ...(urn ? { urn } : {}),
      ...(head ? { headName: head } : {}),
      ...(cell(phaseAt) ? { phase: cell(phaseAt) } : {}),
      ...(network ? { network } : {}),
      ...(cell(townAt) ? { town: cell(townAt) } : {}),
    });
  }
  tellApart(report);
  return report;
}

/**
 * Schools of the same name are told apart in every list and card by town (or URN where the towns
 * are the same or unknown): "Basildon Green Primary Academy (Pitsea)"; the published name is kept.
 */
function tellApart(report: RosterReport): void {
  const byName = new Map<string, RosterRow[]>();
  for (const row of report.rows) {
    const key = `${(row.network ?? '').toLowerCase()}|${row.name.toLowerCase()}`;
    byName.set(key, [...(byName.get(key) ?? []), row]);
  }
  for (const rows of byName.values()) {
    if (rows.length < 2) continue;
    const towns = new Set(rows.map((r) => r.town?.toLowerCase()));
    const byTown = towns.size === rows.length && !towns.has(undefined);
    for (const row of rows) {
      row.officialName = row.name;
      row.name = `${row.name} (${byTown ? row.town : `URN ${row.urn}`})`;
    }
    report.toldApart.push({ name: rows[0]?.officialName ?? '', as: rows.map((r) => r.name) });
  }
}

/** Groups a network roster by network, keeping file order (Coventry: eight networks). */
export function groupByNetwork(rows: readonly RosterRow[]): Map<string, RosterRow[]> {
  const groups = new Map<string, RosterRow[]>();
  for (const row of rows) {
    const key = row.network ?? '';
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return groups;
}
