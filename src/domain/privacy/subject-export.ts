import type { RecordKind, StoredRecord } from './stored-records';

/**
 * What a data-protection officer receives for a school or a person: every stored record that
 * names them, grouped by what it is, as stored (so nothing is summarised away).
 */
export interface SubjectExport {
  subject: { kind: 'school' | 'person'; label: string };
  generatedAt: Date;
  sections: Array<{ title: string; records: Array<{ where: string; record: unknown }> }>;
}

const SECTION_TITLES: Record<RecordKind, string> = {
  school: 'Memberships',
  person: 'Links to schools',
  rsvp: 'Answers to meeting invitations (with reasons and deputies)',
  guest: 'Guest requests',
  agenda: 'Agenda items proposed',
  agendapub: 'Published agendas',
  action: 'Actions',
  minutes: 'Minutes in which they appear',
  review: 'Peer reviews',
  change: 'Change-log entries',
  meeting: 'Meeting changes (hosts, venues)',
  calendar: 'Term dates',
  profile: 'Cluster settings',
  conversation: 'Chats with Clusterbot',
  delivery: 'Scheduled messages received',
  board: 'Boards',
  boardLink: 'Board links',
  perf: 'Performance figures (published, and entered by the school)',
  perfarea: 'Local authority and national figures',
  ofsted: 'Ofsted outcomes',
  perftarget: 'Performance targets',
};

const ORDER = Object.keys(SECTION_TITLES) as RecordKind[];

export function subjectExport(
  subject: SubjectExport['subject'],
  records: readonly StoredRecord[],
  generatedAt: Date,
): SubjectExport {
  return {
    subject,
    generatedAt,
    sections: ORDER.map((kind) => ({
      title: SECTION_TITLES[kind],
      records: records
        .filter((r) => r.kind === kind)
        .map((r) => ({ where: `${r.table} / ${r.partition} / ${r.key}`, record: r.value })),
    })).filter((section) => section.records.length > 0),
  };
}
