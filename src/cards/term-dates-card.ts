import template from '../../cards/term-dates.json';
import type { AdaptiveCard } from './adaptive-card';
import { renderTemplate } from './render-template';

export interface TermDatesCardData {
  title: string;
  explanation: string;
  year: string;
  halfTerms: Array<{ name: string; startId: string; endId: string; start: string; end: string }>;
  closures: string;
  verb: string;
  /** The button that sends the lead a link to upload the file as downloaded (/upload). */
  uploadVerb: string;
}

export function renderTermDatesCard(data: TermDatesCardData): AdaptiveCard {
  return renderTemplate(template, data);
}
