import template from '../../cards/file-upload.json';
import type { AdaptiveCard } from './adaptive-card';
import { renderTemplate } from './render-template';

/** A link to the upload page, sent to one cluster lead's personal chat. */
export interface FileUploadCardData {
  title: string;
  explanation: string;
  /** How long the link works, and that it is theirs alone. */
  validity: string;
  url: string;
}

export function renderFileUploadCard(data: FileUploadCardData): AdaptiveCard {
  return renderTemplate(template, data);
}
