import template from '../../cards/school-add.json';
import type { AdaptiveCard } from './adaptive-card';
import { renderTemplate } from './render-template';

export interface SchoolAddCardData {
  title: string;
  explanation: string;
  verb: string;
}

export function renderSchoolAddCard(data: SchoolAddCardData): AdaptiveCard {
  return renderTemplate(template, data);
}
