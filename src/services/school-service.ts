import type { Actor } from '../domain/actor';
import { changeRecord } from '../domain/clusters/change-record';
import { type ClusterPlace, type ClusterRole, type School, schoolIdFor } from '../domain/clusters/cluster';
import { linkedPeople, newMemberSchools } from '../domain/clusters/membership';
import { pickSchool } from '../domain/clusters/pick-school';
import { whoMay } from '../domain/clusters/who-may';
import { fail, type Outcome, succeed } from '../domain/outcome';
import { refusePupilData } from '../domain/privacy/pupil-data-guard';
import { londonWallClock } from '../domain/time/london-time';
import type { RosterRow } from '../import/read-roster';
import { type ClusterWorkspace, requireLead } from './cluster-workspace';

type Place = Pick<ClusterPlace, 'tenantId' | 'placeKey'>;

/** Member schools: adding one, leaving, and linking people to schools. */
export class SchoolService {
  constructor(private readonly workspace: ClusterWorkspace) {}

  async addSchool(place: Place, row: Omit<RosterRow, 'line'>, actor: Actor): Promise<Outcome<School>> {
    const pupilData = refusePupilData(
      { 'school name': row.name, "head's name": row.headName },
      this.workspace.clock(),
    );
    if (pupilData) return fail(pupilData);
    return this.workspace.change(place, (cluster, now) => {
      const refused = requireLead<School>(cluster, actor);
      if (refused) return refused;
      const existing = cluster.schools.find(
        (s) => s.id === schoolIdFor(row.name, row.urn) || (row.urn && s.urn === row.urn),
      );
      if (existing && !existing.leftOn)
        return fail(`${existing.name} is already a member of ${cluster.profile.name}`);
      const [school] = newMemberSchools(
        { ...cluster, schools: cluster.schools.filter((s) => s !== existing) },
        [row],
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
      const { people, summary } = linkedPeople(cluster, person, school, role);
      return succeed({
        write: { people, changeLog: [changeRecord(actor, now, 'link', summary)] },
        value: school ? { school } : {},
      });
    });
  }
}
