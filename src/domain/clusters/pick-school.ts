import { fail, type Outcome, succeed } from '../outcome';
import { type ClusterSnapshot, findSchool, type School } from './cluster';

/** A member school named the way a person typed it: exactly, or by an unambiguous part. */
export function pickSchool(cluster: ClusterSnapshot, reference: string): Outcome<School> {
  const members = cluster.schools.filter((s) => !s.leftOn);
  const found = findSchool(members, reference);
  if (!found) {
    return fail(
      `no member school matches "${reference}". Type **/school list** to see the schools of ${cluster.profile.name}`,
    );
  }
  if (Array.isArray(found)) {
    return fail(`"${reference}" matches ${found.map((s) => s.name).join(', ')}: give more of the name`);
  }
  return succeed(found);
}
