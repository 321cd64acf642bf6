import type { Clock } from '../domain/clock';
import type { PrivacyExportService } from '../services/privacy-export-service';
import { exportHtml } from '../views/subject-export-document';
import type { SignedDownload } from './signed-downloads';
import { type ExportSubject, exportPath, verifyLink } from './signed-links';

/** Serves a signed export link: what Clusterbot holds about a school or a person, as JSON or a page. */
export function privacyExportDownload(exports: PrivacyExportService, secret: string, clock: Clock) {
  return async (
    subject: ExportSubject,
    format: 'json' | 'html',
    expires?: string,
    sig?: string,
  ): Promise<SignedDownload> => {
    const check = verifyLink(secret, exportPath(subject), expires, sig, clock());
    if (check !== 'valid')
      return {
        status: check === 'expired' ? 410 : 403,
        message: `This export link ${check === 'expired' ? 'has expired' : 'is not valid'}. Ask Clusterbot for a new one with /privacy export.`,
      };
    const built =
      subject.kind === 'school'
        ? await exports.schoolExport(subject.clusterId, subject.schoolId)
        : await exports.personExport(subject.tenantId, subject.userId);
    if (!built.ok) return { status: 404, message: `Nothing to export: ${built.problem}.` };
    const name = `clusterbot-export-${subject.kind}-${built.value.generatedAt.toISOString().slice(0, 10)}`;
    return format === 'json'
      ? {
          status: 200,
          filename: `${name}.json`,
          contentType: 'application/json; charset=utf-8',
          body: JSON.stringify(built.value, null, 2),
          disposition: 'attachment',
        }
      : {
          status: 200,
          filename: `${name}.html`,
          contentType: 'text/html; charset=utf-8',
          body: exportHtml(built.value),
          disposition: 'inline',
        };
  };
}
