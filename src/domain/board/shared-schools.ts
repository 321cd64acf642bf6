import type { School } from '../clusters/cluster';

/**
 * Schools that belong to more than one of a board's clusters (a small-schools cluster beside an
 * area one, as district terms of reference expect): the same school by URN, or by name where it
 * has none. Each cluster counts it; the board is told, so no one adds the figures up twice.
 */
export function schoolsInSeveralClusters(
  clusters: ReadonlyArray<{ name: string; schools: readonly School[] }>,
): Array<{ name: string; clusters: string[] }> {
  const byKey = new Map<string, { name: string; clusters: string[] }>();
  for (const cluster of clusters)
    for (const school of cluster.schools.filter((s) => !s.leftOn)) {
      const key = school.urn
        ? `urn:${school.urn}`
        : `name:${(school.officialName ?? school.name).toLowerCase()}`;
      const entry = byKey.get(key) ?? { name: school.officialName ?? school.name, clusters: [] };
      if (!entry.clusters.includes(cluster.name)) entry.clusters.push(cluster.name);
      byKey.set(key, entry);
    }
  return [...byKey.values()]
    .filter((e) => e.clusters.length > 1)
    .map((e) => ({ ...e, clusters: [...e.clusters].sort((a, b) => a.localeCompare(b, 'en-GB')) }));
}
