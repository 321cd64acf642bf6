import type { Actor } from '../actor';
import { buildRota } from '../rota/build-rota';
import { londonWallClock } from '../time/london-time';
import {
  type ClusterPerson,
  type ClusterRole,
  type ClusterSnapshot,
  type School,
  schoolIdFor,
} from './cluster';
import { nameKey } from './name-matching';

export interface NewSchool {
  name: string;
  urn?: string;
  headName?: string;
  phase?: string;
  town?: string;
  officialName?: string;
}

/**
 * The schools of `rows` the cluster does not have yet, placed at the end of the rota. Schools
 * added before the first meeting are founding members; later ones join from today.
 */
export function newMemberSchools(cluster: ClusterSnapshot, rows: readonly NewSchool[], now: Date): School[] {
  const known = new Set(cluster.schools.map((s) => s.id));
  const knownUrns = new Set(cluster.schools.map((s) => s.urn).filter(Boolean));
  // A school without a URN is known by its name, however it is spelt ("&" or "and", ’ or ').
  const knownNames = new Set(cluster.schools.filter((s) => !s.urn).map((s) => nameKey(s.name)));
  const anyHeld = buildRota(cluster, now).meetings.some((m) => m.status === 'held');
  const today = londonWallClock(now).date;
  let position = cluster.profile.nextPosition;
  return rows
    .filter(
      (row) =>
        !known.has(schoolIdFor(row.name, row.urn)) &&
        !(row.urn && knownUrns.has(row.urn)) &&
        !(!row.urn && knownNames.has(nameKey(row.name))),
    )
    .map((row) => ({
      id: schoolIdFor(row.name, row.urn),
      name: row.name,
      ...(row.urn ? { urn: row.urn } : {}),
      ...(row.headName ? { headName: row.headName } : {}),
      ...(row.phase ? { phase: row.phase } : {}),
      ...(row.town ? { town: row.town } : {}),
      ...(row.officialName ? { officialName: row.officialName } : {}),
      position: position++,
      ...(anyHeld ? { joinedOn: today } : {}),
    }));
}

/**
 * Linking a person to a school in a role. A later link replaces an earlier one; a cluster lead
 * keeps the role (the school is added); a new head moves the previous head to staff, since
 * membership belongs to the school, not the person.
 */
export function linkedPeople(
  cluster: ClusterSnapshot,
  person: Actor,
  school: School | undefined,
  role: ClusterRole,
): { people: ClusterPerson[]; summary: string } {
  const existing = cluster.people.find((p) => p.userId === person.userId);
  const keptRole = existing?.role === 'cluster-lead' ? 'cluster-lead' : role;
  const schoolId = school?.id ?? existing?.schoolId;
  const linked: ClusterPerson = {
    userId: person.userId,
    ...(person.aadObjectId ? { aadObjectId: person.aadObjectId } : {}),
    name: person.name,
    role: keptRole,
    ...(schoolId ? { schoolId } : {}),
  };
  const previousHeads =
    role === 'head' && school
      ? cluster.people
          .filter((p) => p.schoolId === school.id && p.role === 'head' && p.userId !== person.userId)
          .map((p) => ({ ...p, role: 'staff' as const }))
      : [];
  const moved = previousHeads.length
    ? ` (previous head ${previousHeads.map((p) => p.name).join(', ')} now listed as staff)`
    : '';
  return {
    people: [linked, ...previousHeads],
    summary: `${person.name} linked${school ? ` to ${school.name}` : ''} as ${keptRole}${moved}.`,
  };
}
