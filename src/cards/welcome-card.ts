import template from '../../cards/welcome.json';
import type { AdaptiveCard } from './adaptive-card';
import { renderTemplate } from './render-template';

export interface WelcomeCardData {
  heading: string;
  purpose: string;
  nextStep: string;
  privacy: string;
  /** The Action.Execute verb that brings up the help card. */
  helpVerb: string;
}

export function renderWelcomeCard(data: WelcomeCardData): AdaptiveCard {
  return renderTemplate(template, data);
}
