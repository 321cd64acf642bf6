import erasureTemplate from '../../cards/privacy-erasure.json';
import exportTemplate from '../../cards/privacy-export.json';
import type { AdaptiveCard } from './adaptive-card';
import { renderTemplate } from './render-template';

export interface ErasureCardData {
  title: string;
  explanation: string;
  /** Markdown bullet lines. */
  removed: string;
  kept: string;
  note: string;
  /** Whether the confirm button shows (not once it is done). */
  confirm: boolean;
  buttonTitle: string;
  verb: string;
  subject: {
    kind: string;
    clusterId: string;
    schoolId: string;
    tenantId: string;
    userId: string;
    label: string;
  };
}

export function renderErasureCard(data: ErasureCardData): AdaptiveCard {
  return renderTemplate(erasureTemplate, data);
}

export interface ExportCardData {
  title: string;
  explanation: string;
  htmlUrl: string;
  jsonUrl: string;
}

export function renderExportCard(data: ExportCardData): AdaptiveCard {
  return renderTemplate(exportTemplate, data);
}
