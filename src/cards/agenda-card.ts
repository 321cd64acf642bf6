import template from '../../cards/agenda.json';
import type { AdaptiveCard } from './adaptive-card';
import { renderTemplate } from './render-template';

export interface AgendaCardData {
  title: string;
  subtitle: string;
  items: Array<{ text: string }>;
  proposalsHeading: string;
  /** Items members proposed, waiting for the chair (only shown to the chair and leads). */
  proposals: Array<{
    id: string;
    text: string;
    verb: string;
    /** Where the cluster lives, so the buttons work from the chair's personal chat too. */
    clusterPlaceKey: string;
  }>;
  footer: string;
}

export function renderAgendaCard(data: AgendaCardData): AdaptiveCard {
  return renderTemplate(template, data);
}
