import { fail, type Outcome, succeed } from '../outcome';
import { type ClusterSnapshot, findSchool, type School } from './cluster';

/**
 * A member school named the way a person typed it: exactly, or by an unambiguous part. With
 * `includingLeavers`, schools that have left count too (exporting or erasing what is held on one).
 */
export function pickSchool(
  cluster: ClusterSnapshot,
  reference: string,
  { includingLeavers = false } = {},
): Outcome<School> {
  const candidates = includingLeavers ? cluster.schools : cluster.schools.filter((s) => !s.leftOn);
  const found = findSchool(candidates, reference);
  if (!found) {
    return fail(
      includingLeavers
        ? `no school of ${cluster.profile.name} matches "${reference}"`
        : `no member school matches "${reference}". Type **/school list** to see the schools of ${cluster.profile.name}`,
    );
  }
  if (Array.isArray(found)) {
    return fail(`"${reference}" matches ${found.map((s) => s.name).join(', ')}: give more of the name`);
  }
  return succeed(found);
}
