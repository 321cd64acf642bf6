import template from '../../cards/school-import.json';
import type { AdaptiveCard } from './adaptive-card';
import { renderTemplate } from './render-template';

export interface SchoolImportCardData {
  title: string;
  explanation: string;
  network: string;
  csv: string;
  verb: string;
  /** The button that sends the lead a link to upload the file as downloaded (/upload). */
  uploadVerb: string;
}

export function renderSchoolImportCard(data: SchoolImportCardData): AdaptiveCard {
  return renderTemplate(template, data);
}
