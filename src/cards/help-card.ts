import template from '../../cards/help.json';
import type { AdaptiveCard } from './adaptive-card';
import { renderTemplate } from './render-template';

export interface HelpCardData {
  title: string;
  intro: string;
  commands: Array<{ usage: string; description: string; audience: string; examples: string }>;
  footer: string;
}

export function renderHelpCard(data: HelpCardData): AdaptiveCard {
  return renderTemplate(template, data);
}
