import { describe, expect, it } from 'vitest';
import { type ClusterHealth, clusterHealth } from '../../src/domain/board/cluster-health';
import type { BoardOverview } from '../../src/services/board-overview-service';
import { boardOverviewCard } from '../../src/views/board-view';
import { cardText } from '../support/bot-harness';
import { clusterYear } from '../support/cluster-year';

const TEAMS_MESSAGE_LIMIT = 28_000;

function board(count: number, concerns: (i: number) => string[]): BoardOverview {
  const healths: ClusterHealth[] = Array.from({ length: count }, (_, i) => ({
    ...clusterHealth(
      clusterYear({ clusterId: `c${String(i).padStart(16, '0')}`, name: `Essex partnership ${i + 1}` }),
    ),
    concerns: concerns(i),
  }));
  const link = (id: string) =>
    `https://clusterbot.essex.example.org/clusters/${id}/minutes/2026-27%232.html?expires=1764410400000&sig=${'x'.repeat(43)}`;
  return {
    board: {
      id: 'b1',
      name: 'Essex partnerships board',
      place: { tenantId: 't', placeKey: 'p', conversationId: 'p' },
      createdAt: new Date('2026-09-01T09:00:00Z'),
      createdBy: 'u',
      createdByName: 'U',
      admins: ['u'],
    },
    healths,
    latestMinutes: Object.fromEntries(
      healths.map((h) => [h.clusterId, { meetingId: '2026-27#2', html: link(h.clusterId) }]),
    ),
    sharedSchools: [],
    asOf: new Date('2026-11-23T10:00:00Z'),
  };
}

const worried = () => [
  'minutes not published within two weeks for 1 meeting',
  '3 of 17 schools at the last meeting',
];
const size = (card: unknown) => JSON.stringify(card).length;

describe("the board's overview card", () => {
  it("links each cluster's latest minutes when the card has room (Coventry's eight)", () => {
    const card = boardOverviewCard(board(8, worried), 'https://x/boards/b1/overview.csv');
    expect(JSON.stringify(card)).toContain('Latest minutes (Autumn 2)');
    expect(size(card)).toBeLessThan(TEAMS_MESSAGE_LIMIT);
  });

  it('stays inside Teams’ message size for 40 partnerships, pointing to /board minutes instead of links', () => {
    const card = boardOverviewCard(board(40, worried), 'https://x/boards/b1/overview.csv');
    expect(size(card)).toBeLessThan(TEAMS_MESSAGE_LIMIT);
    expect(cardText(card)).toContain('Essex partnership 40');
    expect(JSON.stringify(card)).not.toContain('Latest minutes');
    expect(cardText(card)).toContain("Open a cluster's latest minutes with /board minutes <cluster name>.");
  });

  it('lists clusters doing well by name only on a very large board', () => {
    const card = boardOverviewCard(
      board(100, (i) => (i < 10 ? worried() : [])),
      'https://x/boards/b1/overview.csv',
    );
    expect(size(card)).toBeLessThan(TEAMS_MESSAGE_LIMIT);
    expect(cardText(card)).toContain('100 clusters, 10 needing attention.');
    expect(cardText(card)).toContain('every figure is in /board csv');
  });
});
