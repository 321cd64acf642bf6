import { renderBoardOverviewCard } from '../cards/board-overview-card';
import { type ClusterHealth, orderForBoard, percent } from '../domain/board/cluster-health';
import { type HalfTermNumber, halfTermName } from '../domain/calendar/academic-year';
import { formatLondon } from '../domain/time/london-time';
import type { BoardOverview } from '../services/board-overview-service';

/** One line of figures per cluster: the same numbers as the CSV. */
export function describeHealth(h: ClusterHealth): string {
  const attendance =
    h.attendanceRate === undefined ? 'no meetings yet' : `${percent(h.attendanceRate, 1)} attendance`;
  const minutes =
    h.minutesDue > 0 ? `minutes on time ${h.minutesOnTime}/${h.minutesDue}` : 'no minutes due yet';
  const onTime = h.actions.done > 0 ? `, ${percent(h.actions.doneOnTime, h.actions.done)} done on time` : '';
  const before =
    h.meetingsNotRecorded > 0 ? ` (${h.meetingsNotRecorded} earlier, before Clusterbot: not recorded)` : '';
  return [
    `${h.meetingsHeld === 0 && h.meetingsNotRecorded > 0 ? 'New to Clusterbot · ' : ''}Meetings ${h.meetingsHeld}/${h.meetingsPlanned}${before}`,
    attendance,
    minutes,
    `actions ${h.actions.open} open, ${h.actions.overdue} overdue, ${h.actions.done} done${onTime}`,
    `peer reviews ${h.reviews.requested} requested, ${h.reviews.completed} completed`,
    `board rep ${h.boardRepSet ? 'set' : 'not set'}`,
  ].join(' · ');
}

/**
 * Teams refuses messages over about 28 KB. A board of 40 partnerships fits once the per-cluster
 * minutes links go (they are a command away); past that, clusters doing well show only their name
 * (the CSV has every figure).
 */
const CARD_BUDGET = 25_000;

type Detail = 'full' | 'no-links' | 'attention-only';

export function boardOverviewCard(overview: BoardOverview, csvUrl: string) {
  for (const detail of ['full', 'no-links'] as const) {
    const card = renderOverview(overview, csvUrl, detail);
    if (JSON.stringify(card).length <= CARD_BUDGET) return card;
  }
  return renderOverview(overview, csvUrl, 'attention-only');
}

const FOOTERS: Record<Detail, string> = {
  full: '',
  'no-links': " Open a cluster's latest minutes with /board minutes <cluster name>.",
  'attention-only':
    ' Clusters doing well are listed by name only here: every figure is in /board csv. Open minutes with /board minutes <cluster name>.',
};

/** A school in two of the board's clusters is counted in each: say so, so nobody adds them up. */
function sharedNote(overview: BoardOverview): string {
  if (overview.sharedSchools.length === 0) return '';
  const list = overview.sharedSchools.map((s) => `${s.name} (${s.clusters.join(', ')})`).join('; ');
  return ` In more than one cluster, and counted in each: ${list}.`;
}

function renderOverview(overview: BoardOverview, csvUrl: string, detail: Detail) {
  const ordered = orderForBoard(overview.healths);
  const attention = ordered.filter((h) => h.concerns.length > 0).length;
  return renderBoardOverviewCard({
    title: `${overview.board.name}: clusters at a glance`,
    subtitle: `${ordered.length} cluster${ordered.length === 1 ? '' : 's'}, ${attention} needing attention. School year ${ordered[0]?.year ?? ''}, as of ${formatLondon(overview.asOf)}.`,
    clusters: ordered.map((h) => {
      const minutes = overview.latestMinutes[h.clusterId];
      const [, half] = minutes?.meetingId.split('#') ?? [];
      return {
        name: h.name,
        colour: h.concerns.length > 0 ? 'Attention' : 'Good',
        concerns: h.concerns.length > 0 ? `Needs attention: ${h.concerns.join('; ')}.` : '',
        figures: detail === 'attention-only' && h.concerns.length === 0 ? '' : describeHealth(h),
        minutesTitle: minutes ? `Latest minutes (${halfTermName(Number(half) as HalfTermNumber)})` : '',
        minutesUrl: detail === 'full' ? (minutes?.html ?? '') : '',
      };
    }),
    footer:
      overview.healths.length === 0
        ? 'No clusters are linked yet. A board admin links one with /board link <cluster name>.'
        : `Attendance counts schools there in person or by deputy, from published minutes or else the answers to the invitation. Figures only: the board never sees drafts or anything about pupils. Links last 7 days.${sharedNote(overview)}${FOOTERS[detail]}`,
    csvUrl,
  });
}
