import { renderPublishedMinutesCard } from '../cards/minutes-card';
import type { MinutesDocument } from './minutes-document';
import type { OutgoingMessage } from './outgoing-message';

/** A channel post stays short; the printable minutes have everything. */
const NOTES_SHOWN_IN_CHANNEL = 600;

/** Published minutes as the channel sees them: a short card with links to the whole document. */
function withNone(list: string[], none: string) {
  return (list.length > 0 ? list : [none]).map((text) => ({ text }));
}

export function publishedMinutesCard(doc: MinutesDocument, links: { html: string; markdown: string }) {
  return renderPublishedMinutesCard({
    title: doc.title,
    subtitle: doc.subtitle,
    attendance: doc.attendance,
    notes: doc.notes.map((n) => ({
      item: n.item,
      notes:
        n.notes.length > NOTES_SHOWN_IN_CHANNEL
          ? `${n.notes.slice(0, NOTES_SHOWN_IN_CHANNEL).trimEnd()}… (continued in the printable minutes)`
          : n.notes,
    })),
    decisions: withNone(doc.decisions, 'None recorded.'),
    actions: withNone(doc.actions, 'None.'),
    footer: `${doc.footer} The download links last three years (a cluster lead can withdraw them); type /minutes for fresh ones.`,
    htmlUrl: links.html,
    markdownUrl: links.markdown,
  });
}

export function publishedMinutesMessage(
  doc: MinutesDocument,
  links: { html: string; markdown: string },
): OutgoingMessage {
  return { card: publishedMinutesCard(doc, links), summary: doc.title };
}
