import template from '../../cards/rota-download.json';
import type { AdaptiveCard } from './adaptive-card';
import { renderTemplate } from './render-template';

export interface RotaDownloadCardData {
  title: string;
  explanation: string;
  url: string;
}

export function renderRotaDownloadCard(data: RotaDownloadCardData): AdaptiveCard {
  return renderTemplate(template, data);
}
