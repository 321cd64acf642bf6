import type { SubjectExport } from '../domain/privacy/subject-export';
import { formatLondon } from '../domain/time/london-time';
import { escapeHtml as e } from './minutes-document';

/**
 * The export as a page a data-protection officer can read, print or attach to a subject access
 * response: a count per kind of record, then each record as stored.
 */
export function exportHtml(doc: SubjectExport): string {
  const title = `What Clusterbot holds about ${doc.subject.label}`;
  const total = doc.sections.reduce((n, s) => n + s.records.length, 0);
  const summary = doc.sections
    .map((s) => `<tr><td>${e(s.title)}</td><td>${s.records.length}</td></tr>`)
    .join('');
  const sections = doc.sections
    .map(
      (s) =>
        `<h2>${e(s.title)} (${s.records.length})</h2>\n` +
        s.records
          .map(
            (r) => `<p class="subtle">${e(r.where)}</p>\n<pre>${e(JSON.stringify(r.record, null, 2))}</pre>`,
          )
          .join('\n'),
    )
    .join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>
body { font-family: "Segoe UI", Arial, sans-serif; max-width: 56rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; color: #222; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; border-bottom: 1px solid #ccc; margin-top: 1.6rem; }
table { border-collapse: collapse; } td { border: 1px solid #ccc; padding: .2rem .6rem; }
pre { background: #f6f6f6; padding: .5rem; white-space: pre-wrap; } .subtle { color: #555; }
</style>
</head>
<body>
<h1>${e(title)}</h1>
<p class="subtle">Made ${e(formatLondon(doc.generatedAt))} (UK time): ${total} stored records name ${doc.subject.kind === 'school' ? 'the school or its people' : 'this person'}. Pupil data is never stored, so none appears here.</p>
<table><tbody>${summary || '<tr><td>Nothing is stored.</td><td>0</td></tr>'}</tbody></table>
${sections}
</body>
</html>
`;
}
