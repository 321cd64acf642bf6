import type { ClusterAction } from '../domain/actions/cluster-action';
import { halfTermName } from '../domain/calendar/academic-year';
import { type ClusterSnapshot, schoolNamer } from '../domain/clusters/cluster';
import { type MeetingMinutes, summariseAttendance } from '../domain/minutes/meeting-minutes';
import type { PlannedMeeting } from '../domain/rota/rota-types';
import { formatLocalDate, formatLondon } from '../domain/time/london-time';

/**
 * The minutes as a document: what the channel post, the Markdown file and the printable page all
 * show, so the three never disagree. A head forwards this to their governing body.
 */
export interface MinutesDocument {
  title: string;
  subtitle: string;
  attendance: Array<{ label: string; text: string }>;
  notes: Array<{ item: string; notes: string }>;
  decisions: string[];
  actions: string[];
  footer: string;
}

export function minutesDocument(
  cluster: ClusterSnapshot,
  meeting: PlannedMeeting,
  minutes: MeetingMinutes,
): MinutesDocument {
  const schoolName = schoolNamer(cluster);
  const who = summariseAttendance(minutes.attendance, schoolName);
  const list = (names: string[]) => (names.length > 0 ? names.join('; ') : 'none');
  const actions = minutes.actionIds
    .map((id) => cluster.actions.find((a) => a.id === id))
    .filter((a): a is ClusterAction => a !== undefined)
    .map((a) => describeAction(a.id, a.title, schoolName(a.ownerSchoolId), a.ownerPerson?.name, a.due));
  const pending = minutes.pendingActions.map((a) =>
    describeAction('New', a.title, schoolName(a.schoolId), a.ownerPerson?.name, a.due),
  );
  const chair = meeting.host ? `Chaired by ${meeting.host.name}` : undefined;
  const taker = meeting.minuteTaker ? `minutes by ${meeting.minuteTaker.name}` : undefined;
  return {
    title: `Minutes: ${cluster.profile.name}, ${halfTermName(meeting.halfTerm)} ${meeting.year} meeting`,
    subtitle: [formatLondon(meeting.startsAt), meeting.venue, [chair, taker].filter(Boolean).join(', ')]
      .filter(Boolean)
      .join('. '),
    attendance: [
      { label: 'Present', text: list(who.present) },
      { label: 'Deputies', text: list(who.deputies) },
      { label: 'Apologies', text: list(who.apologies) },
      { label: 'Absent', text: list(who.absent) },
      { label: 'Guests', text: list(minutes.guests) },
    ],
    notes: minutes.notes.filter((n) => n.notes.trim() !== ''),
    decisions: minutes.decisions,
    actions: [...actions, ...pending],
    footer: minutes.published
      ? `Published by ${minutes.published.byName}, ${formatLondon(minutes.published.at)}.`
      : `Draft saved by ${minutes.savedByName}, ${formatLondon(minutes.savedAt)}. Not published yet.`,
  };
}

function describeAction(id: string, title: string, school: string, person: string | undefined, due: string) {
  return `${id}: ${title} (${school}${person ? `, ${person}` : ''}; due ${formatLocalDate(due)})`;
}

export function minutesMarkdown(doc: MinutesDocument): string {
  const lines = [`# ${doc.title}`, '', doc.subtitle, '', '## Attendance', ''];
  for (const a of doc.attendance) lines.push(`- **${a.label}:** ${a.text}`);
  lines.push('', '## Notes', '');
  if (doc.notes.length === 0) lines.push('No notes recorded.');
  for (const n of doc.notes) lines.push(`### ${n.item}`, '', n.notes, '');
  lines.push('', '## Decisions', '');
  lines.push(...(doc.decisions.length > 0 ? doc.decisions.map((d) => `- ${d}`) : ['None recorded.']));
  lines.push('', '## Actions', '');
  lines.push(...(doc.actions.length > 0 ? doc.actions.map((a) => `- ${a}`) : ['None.']));
  lines.push('', `_${doc.footer}_`, '');
  return lines.join('\n');
}

export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** A plain page that prints well on A4 (no scripts, no external resources). */
export function minutesHtml(doc: MinutesDocument): string {
  const e = escapeHtml;
  const paragraphs = (text: string) =>
    text
      .split(/\n{2,}/)
      .map((p) => `<p>${e(p).replace(/\n/g, '<br>')}</p>`)
      .join('\n');
  const items = (list: string[], none: string) =>
    list.length > 0 ? `<ul>${list.map((x) => `<li>${e(x)}</li>`).join('')}</ul>` : `<p>${none}</p>`;
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(doc.title)}</title>
<style>
body { font-family: "Segoe UI", Arial, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; color: #222; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; border-bottom: 1px solid #ccc; margin-top: 1.6rem; } h3 { font-size: 1rem; }
dt { font-weight: 600; } dd { margin: 0 0 .4rem 0; } .subtle { color: #555; }
@media print { body { margin: 0; max-width: none; } }
</style>
</head>
<body>
<h1>${e(doc.title)}</h1>
<p class="subtle">${e(doc.subtitle)}</p>
<h2>Attendance</h2>
<dl>${doc.attendance.map((a) => `<dt>${e(a.label)}</dt><dd>${e(a.text)}</dd>`).join('')}</dl>
<h2>Notes</h2>
${doc.notes.length > 0 ? doc.notes.map((n) => `<h3>${e(n.item)}</h3>\n${paragraphs(n.notes)}`).join('\n') : '<p>No notes recorded.</p>'}
<h2>Decisions</h2>
${items(doc.decisions, 'None recorded.')}
<h2>Actions</h2>
${items(doc.actions, 'None.')}
<p class="subtle"><em>${e(doc.footer)}</em></p>
</body>
</html>
`;
}
