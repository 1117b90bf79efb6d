import type { ReportView } from '../../app/privacy/redact-report.js';
import type { ReportData } from '../../app/report.js';
import type { ReportRenderer } from '../../server/http/routes/report-routes.js';
import { reportPageHtml } from '../report/party-view-html.js';

/** The server's HTML report: the page `parley report` writes, or the party view of it. */
export const reportRenderer: ReportRenderer = {
  html: (data) => reportPageHtml(data as ReportData | ReportView),
};
