import { renderBoardOverviewCard } from '../cards/board-overview-card';
import { type ClusterHealth, orderForBoard, percent } from '../domain/board/cluster-health';
import { type HalfTermNumber, halfTermName } from '../domain/calendar/academic-year';
import { formatLondon } from '../domain/time/london-time';
import type { BoardOverview } from './board-service';

/** One line of figures per cluster: the same numbers as the CSV. */
export function describeHealth(h: ClusterHealth): string {
  const attendance =
    h.attendanceRate === undefined ? 'no meetings yet' : `${percent(h.attendanceRate, 1)} attendance`;
  const minutes =
    h.minutesDue > 0 ? `minutes on time ${h.minutesOnTime}/${h.minutesDue}` : 'no minutes due yet';
  const onTime = h.actions.done > 0 ? `, ${percent(h.actions.doneOnTime, h.actions.done)} done on time` : '';
  return [
    `Meetings ${h.meetingsHeld}/${h.meetingsPlanned}`,
    attendance,
    minutes,
    `actions ${h.actions.open} open, ${h.actions.overdue} overdue, ${h.actions.done} done${onTime}`,
    `peer reviews ${h.reviews.requested} requested, ${h.reviews.completed} completed`,
    `board rep ${h.boardRepSet ? 'set' : 'not set'}`,
  ].join(' · ');
}

export function boardOverviewCard(overview: BoardOverview, csvUrl: string) {
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
        figures: describeHealth(h),
        minutesTitle: minutes ? `Latest minutes (${halfTermName(Number(half) as HalfTermNumber)})` : '',
        minutesUrl: minutes?.html ?? '',
      };
    }),
    footer:
      overview.healths.length === 0
        ? 'No clusters are linked yet. A board admin links one with /board link <cluster name>.'
        : 'Attendance counts schools there in person or by deputy, from published minutes or else the answers to the invitation. Figures only: the board never sees drafts or anything about pupils. Links last 7 days.',
    csvUrl,
  });
}
