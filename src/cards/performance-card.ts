import entryTemplate from '../../cards/performance-entry.json';
import template from '../../cards/performance-table.json';
import type { AdaptiveCard } from './adaptive-card';
import { renderTemplate } from './render-template';

export interface PerformanceCardData {
  title: string;
  measure: string;
  years: [string, string, string];
  rows: Array<{
    label: string;
    cells: [string, string, string];
    change: string;
    weight: 'Bolder' | 'Default';
    separator: boolean;
  }>;
  ofsted: Array<{ line: string }>;
  notes: string;
}

export function renderPerformanceCard(data: PerformanceCardData): AdaptiveCard {
  return renderTemplate(template, data);
}

export interface PerformanceEntryCardData {
  title: string;
  explanation: string;
  fields: Array<{
    id: string;
    label: string;
    value: string;
    cohortId: string;
    cohortLabel: string;
    cohort: string;
  }>;
  note: string;
  clusterId: string;
  schoolId: string;
  year: string;
}

export function renderPerformanceEntryCard(data: PerformanceEntryCardData): AdaptiveCard {
  return renderTemplate(entryTemplate, data);
}
