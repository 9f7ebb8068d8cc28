import type { Api } from './api';
import type { ApiResponse } from './clients/reporting/src/runtime';

/** A format a report is downloaded in. */
export type ReportFormat = 'json' | 'csv' | 'xlsx' | 'svg' | 'png' | 'pdf';

/** One of the paper's tables: its name in the API, its title, the extra parameters it takes, and whether it has a figure. */
export interface ReportKind {
  key: string;
  title: string;
  by?: string[];
  level?: boolean;
  figure: boolean;
  fetch: (api: Api, query: Record<string, unknown>) => Promise<ApiResponse<unknown>>;
}

const GROUPINGS = ['site', 'phase', 'income', 'role', 'study'];

/** The reports Studio shows, in the paper's order; each call goes through the generated reporting client. */
export const REPORTS: ReportKind[] = [
  { key: 'participants-by-site', title: 'Participants by site (the paper\'s table)', figure: true,
    fetch: (api, q) => api.reports.getParticipantsBySiteReportRaw(q) },
  { key: 'code-frequency', title: 'Code frequency and strength of theme', by: GROUPINGS, level: true, figure: true,
    fetch: (api, q) => api.reports.getCodeFrequencyReportRaw(q) },
  { key: 'facilitators-barriers', title: 'Facilitators and barriers', by: ['site', 'income'], level: true, figure: true,
    fetch: (api, q) => api.reports.getFacilitatorsBarriersReportRaw(q) },
  { key: 'pre-post', title: 'Pre- versus post-intervention', level: true, figure: true,
    fetch: (api, q) => api.reports.getPrePostReportRaw(q) },
  { key: 'co-occurrence', title: 'Co-occurrence of codes', figure: false, fetch: (api, q) => api.reports.getCoOccurrenceReportRaw(q) },
  { key: 'cfir-ratings', title: 'CFIR ratings by site', figure: false, fetch: (api, q) => api.reports.getCfirRatingsReportRaw(q) },
  { key: 'implementation-measure', title: 'Implementation measure', figure: true,
    fetch: (api, q) => api.reports.getImplementationMeasureReportRaw(q) },
  { key: 'participants', title: 'Participant characteristics', figure: true, fetch: (api, q) => api.reports.getParticipantsReportRaw(q) },
  { key: 'participants-by-role', title: 'Participants by role and gender', figure: true,
    fetch: (api, q) => api.reports.getParticipantsByRoleReportRaw(q) },
  { key: 'progress', title: 'Progress per site', figure: true, fetch: (api, q) => api.reports.getProgressReportRaw(q) },
];

/** The formats a report is offered in: tables in CSV and XLSX, and those with a figure in SVG, PNG and PDF too. */
export function formatsOf(kind: ReportKind): ReportFormat[] {
  return kind.figure ? ['csv', 'xlsx', 'svg', 'png', 'pdf'] : ['csv', 'xlsx'];
}
