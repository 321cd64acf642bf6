import template from '../../cards/school-import.json';
import type { AdaptiveCard } from './adaptive-card';
import { renderTemplate } from './render-template';

export interface SchoolImportCardData {
  title: string;
  explanation: string;
  network: string;
  csv: string;
  verb: string;
}

export function renderSchoolImportCard(data: SchoolImportCardData): AdaptiveCard {
  return renderTemplate(template, data);
}
