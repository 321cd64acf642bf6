import type { Actor } from '../domain/actor';
import { changeRecord } from '../domain/clusters/change-record';
import {
  type ClusterPlace,
  type ClusterRole,
  type ClusterSnapshot,
  type School,
  schoolIdFor,
} from '../domain/clusters/cluster';
import { pickSchool } from '../domain/clusters/pick-school';
import { whoMay } from '../domain/clusters/who-may';
import { fail, type Outcome, succeed } from '../domain/outcome';
import { refusePupilData } from '../domain/privacy/pupil-data-guard';
import { buildRota } from '../domain/rota/build-rota';
import { londonWallClock } from '../domain/time/london-time';
import { groupByNetwork, type RosterRow, readRoster } from '../import/read-roster';
import { type ClusterWorkspace, requireLead } from './cluster-workspace';

export interface ImportReport {
  added: School[];
  unchanged: number;
  skipped: Array<{ line: number; reason: string }>;
  network?: string;
}

type Place = Pick<ClusterPlace, 'tenantId' | 'placeKey'>;

/** Member schools: adding, importing rosters, leaving, and linking people to schools. */
export class SchoolService {
  constructor(private readonly workspace: ClusterWorkspace) {}

  /**
   * All-or-nothing: any bad row stops the import and every bad row is reported. Schools already
   * in the cluster are left as they are, so importing the same file twice changes nothing.
   */
  async importRoster(
    place: Place,
    text: string,
    actor: Actor,
    network?: string,
  ): Promise<Outcome<ImportReport>> {
    const roster = readRoster(text);
    if ('problem' in roster) return fail(roster.problem);
    for (const row of roster.rows) {
      const pupilData = refusePupilData({
        [`school name on line ${row.line}`]: row.name,
        [`head's name on line ${row.line}`]: row.headName,
      });
      if (pupilData) return fail(pupilData);
    }
    if (roster.rejected.length > 0) {
      const lines = roster.rejected.map((r) => `line ${r.line}: ${r.reason}`).join('; ');
      return fail(`nothing was imported, because ${roster.rejected.length} row(s) need fixing: ${lines}`);
    }
    return this.workspace.change(place, (cluster, now) => {
      const refused = requireLead<ImportReport>(cluster, actor);
      if (refused) return refused;
      let rows: RosterRow[] = roster.rows;
      let chosenNetwork: string | undefined;
      if (roster.format === 'network') {
        const groups = groupByNetwork(roster.rows);
        const wanted = (network ?? cluster.profile.name).trim().toLowerCase();
        chosenNetwork = [...groups.keys()].find((n) => n.toLowerCase() === wanted);
        if (!chosenNetwork) {
          return fail(
            `this file lists ${groups.size} networks (${[...groups.keys()].join(', ')}). Say which one is this cluster, ` +
              'e.g. `/school import Roots` followed by the file',
          );
        }
        rows = groups.get(chosenNetwork) ?? [];
      }
      const added = this.newSchools(cluster, rows, now);
      if (added.length > 99) return fail('a cluster can import at most 99 schools at once');
      const value: ImportReport = {
        added,
        unchanged: rows.length - added.length,
        skipped: roster.skipped,
        ...(chosenNetwork ? { network: chosenNetwork } : {}),
      };
      if (added.length === 0) return succeed({ write: {}, value });
      return succeed({
        write: {
          profile: { ...cluster.profile, nextPosition: cluster.profile.nextPosition + added.length },
          schools: added,
          changeLog: [
            changeRecord(
              actor,
              now,
              'import',
              `Imported ${added.length} school(s)${chosenNetwork ? ` of ${chosenNetwork}` : ''}.`,
            ),
          ],
        },
        value,
      });
    });
  }

  async addSchool(place: Place, row: Omit<RosterRow, 'line'>, actor: Actor): Promise<Outcome<School>> {
    const pupilData = refusePupilData({ 'school name': row.name, "head's name": row.headName });
    if (pupilData) return fail(pupilData);
    return this.workspace.change(place, (cluster, now) => {
      const refused = requireLead<School>(cluster, actor);
      if (refused) return refused;
      const existing = cluster.schools.find(
        (s) => s.id === schoolIdFor(row.name, row.urn) || (row.urn && s.urn === row.urn),
      );
      if (existing && !existing.leftOn)
        return fail(`${existing.name} is already a member of ${cluster.profile.name}`);
      const [school] = this.newSchools(
        { ...cluster, schools: cluster.schools.filter((s) => s !== existing) },
        [{ line: 0, ...row }],
        now,
      );
      if (!school) return fail(`${row.name} could not be added`);
      return succeed({
        write: {
          profile: { ...cluster.profile, nextPosition: cluster.profile.nextPosition + 1 },
          schools: [school],
          changeLog: [changeRecord(actor, now, 'join', `${school.name} joined the cluster.`)],
        },
        value: school,
      });
    });
  }

  /** The school stays in the history; it is dropped from meetings from today on. */
  async leave(place: Place, reference: string, actor: Actor): Promise<Outcome<School>> {
    return this.workspace.change(place, (cluster, now) => {
      const refused = requireLead<School>(cluster, actor);
      if (refused) return refused;
      const found = pickSchool(cluster, reference);
      if (!found.ok) return found;
      const school = found.value;
      const today = londonWallClock(now).date;
      const left: School = { ...school, leftOn: today };
      return succeed({
        write: {
          schools: [left],
          changeLog: [changeRecord(actor, now, 'leave', `${school.name} left the cluster.`)],
        },
        value: left,
      });
    });
  }

  /** Links a person (by Teams identity) to a school in a role; a later link replaces an earlier one. */
  async linkPerson(
    place: Place,
    person: Actor,
    schoolReference: string | undefined,
    role: ClusterRole,
    actor: Actor,
  ): Promise<Outcome<{ school?: School }>> {
    return this.workspace.change(place, (cluster, now) => {
      // Anyone may link themselves ("/join"); linking someone else is for cluster leads.
      const refused = whoMay.linkPerson(cluster, person.userId, actor.userId)
        ? undefined
        : requireLead<{ school?: School }>(cluster, actor);
      if (refused) return refused;
      let school: School | undefined;
      if (schoolReference) {
        const found = pickSchool(cluster, schoolReference);
        if (!found.ok) return found;
        school = found.value;
      }
      const existing = cluster.people.find((p) => p.userId === person.userId);
      // Linking never demotes a cluster lead: the role is kept, the school is added.
      const keptRole = existing?.role === 'cluster-lead' ? 'cluster-lead' : role;
      const linked = {
        userId: person.userId,
        ...(person.aadObjectId ? { aadObjectId: person.aadObjectId } : {}),
        name: person.name,
        role: keptRole,
        ...(school ? { schoolId: school.id } : existing?.schoolId ? { schoolId: existing.schoolId } : {}),
      };
      // A new head: the previous head stays linked to the school as staff (membership is the school's).
      const previousHeads = cluster.people
        .filter(
          (p) =>
            role === 'head' &&
            school &&
            p.schoolId === school.id &&
            p.role === 'head' &&
            p.userId !== person.userId,
        )
        .map((p) => ({ ...p, role: 'staff' as const }));
      const summary = `${person.name} linked${school ? ` to ${school.name}` : ''} as ${keptRole}${
        previousHeads.length
          ? ` (previous head ${previousHeads.map((p) => p.name).join(', ')} now listed as staff)`
          : ''
      }.`;
      return succeed({
        write: { people: [linked, ...previousHeads], changeLog: [changeRecord(actor, now, 'link', summary)] },
        value: school ? { school } : {},
      });
    });
  }

  private newSchools(cluster: ClusterSnapshot, rows: readonly RosterRow[], now: Date): School[] {
    const known = new Set(cluster.schools.map((s) => s.id));
    const knownUrns = new Set(cluster.schools.map((s) => s.urn).filter(Boolean));
    // Schools added before the first meeting are founding members; later ones join from today.
    const anyHeld = buildRota(cluster, now).meetings.some((m) => m.status === 'held');
    const today = londonWallClock(now).date;
    let position = cluster.profile.nextPosition;
    return rows
      .filter((row) => !known.has(schoolIdFor(row.name, row.urn)) && !(row.urn && knownUrns.has(row.urn)))
      .map((row) => ({
        id: schoolIdFor(row.name, row.urn),
        name: row.name,
        ...(row.urn ? { urn: row.urn } : {}),
        ...(row.headName ? { headName: row.headName } : {}),
        ...(row.phase ? { phase: row.phase } : {}),
        position: position++,
        ...(anyHeld ? { joinedOn: today } : {}),
      }));
  }
}
