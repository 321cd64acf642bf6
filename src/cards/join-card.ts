import template from '../../cards/join.json';
import type { AdaptiveCard } from './adaptive-card';
import { renderTemplate } from './render-template';

export interface JoinCardData {
  title: string;
  explanation: string;
  schools: Array<{ name: string }>;
  verb: string;
}

export function renderJoinCard(data: JoinCardData): AdaptiveCard {
  return renderTemplate(template, data);
}
