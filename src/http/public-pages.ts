import { NEVER_STORED, RIGHTS, WHAT_IS_STORED } from './privacy-statement';

/**
 * The three pages the Teams manifest links to (website, privacy, terms). Teams requires the links;
 * the bot serves them itself so they are always true to what this code does.
 */
const page = (title: string, body: string) =>
  `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${title} · Clusterbot</title>` +
  '<meta name="viewport" content="width=device-width, initial-scale=1">' +
  '<style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#222}h1{color:#0f6e6e}</style>' +
  `</head><body><h1>${title}</h1>${body}</body></html>`;

export const PUBLIC_PAGES: Record<string, string> = {
  '/': page(
    'Clusterbot',
    '<p>Clusterbot is a Microsoft Teams app for school-improvement partnerships (clusters) in England. ' +
      "It keeps the rota of host schools for the half-termly heads' meetings, posts reminders a week before, " +
      'collects apologies and deputy nominations, and records actions and peer-review requests.</p>',
  ),
  '/privacy': page(
    'Privacy',
    `<p><strong>${NEVER_STORED}</strong></p><h2>What is stored and for how long</h2>` +
      '<table><thead><tr><th>What</th><th>Why</th><th>Kept</th></tr></thead><tbody>' +
      WHAT_IS_STORED.map((r) => `<tr><td>${r.what}</td><td>${r.why}</td><td>${r.kept}</td></tr>`).join('') +
      `</tbody></table><p>${RIGHTS}</p>` +
      '<p>Data is held in the Azure Table storage account of the organisation that runs this deployment, ' +
      'which is the data controller. Logs record ids and outcomes, never message text or names.</p>',
  ),
  '/terms': page(
    'Terms of use',
    '<p>Clusterbot is provided by the organisation that runs this deployment for the use of its member schools. ' +
      'Use it for the business of your partnership, and do not enter information about individual pupils.</p>',
  ),
};
