import template from '../../cards/schools.json';
import type { AdaptiveCard } from './adaptive-card';
import { renderTemplate } from './render-template';

export interface SchoolsCardData {
  title: string;
  summary: string;
  schools: Array<{ name: string; detail: string }>;
}

export function renderSchoolsCard(data: SchoolsCardData): AdaptiveCard {
  return renderTemplate(template, data);
}
