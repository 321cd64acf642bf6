import template from '../../cards/rota.json';
import type { AdaptiveCard } from './adaptive-card';
import { renderTemplate } from './render-template';

export interface RotaCardMeeting {
  heading: string;
  badge: string;
  badgeColour: 'Good' | 'Default' | 'Attention' | 'Accent';
  /** Container style: the next meeting stands out. */
  style: 'emphasis' | 'default' | 'good' | 'attention';
  host: string;
  chair: string;
  minutes: string;
  boardRep: string;
  /** Shown only when not empty (why a date moved, etc.). */
  note: string;
}

export interface RotaCardData {
  title: string;
  summary: string;
  meetings: RotaCardMeeting[];
  /** Shown only when not empty. */
  problems: string;
  icsUrl: string;
}

export function renderRotaCard(data: RotaCardData): AdaptiveCard {
  return renderTemplate(template, data);
}
