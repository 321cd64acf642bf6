import { randomBytes } from 'node:crypto';
import type { Clock } from '../domain/clock';
import { FILE_KINDS, type FileKind, type UploadTarget } from '../domain/imports/file-upload';
import { escapeHtml } from '../views/minutes-document';
import { uploadSubject, verifyLink } from './signed-links';

/** What an upload did, in words for the page (and, by the caller, for the lead's personal chat). */
export type UploadRun = (
  target: UploadTarget,
  bytes: AsyncIterable<Uint8Array>,
) => Promise<{ imported: boolean; message: string }>;

type Query = Record<string, unknown>;

const TITLES: Record<FileKind, string> = {
  roster: 'Upload a roster',
  terms: 'Upload term dates',
  performance: 'Upload performance data',
};

const ACCEPT: Record<FileKind, string> = {
  roster: '.csv,.txt,text/csv',
  terms: '.csv,.txt,.ics,text/csv,text/calendar',
  performance: '.csv,.txt,text/csv',
};

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

function targetOf(kind: string, query: Query): UploadTarget | undefined {
  const [tenantId, placeKey, userId, option] = ['tenant', 'place', 'user', 'option'].map((k) =>
    text(query[k]),
  );
  if (!FILE_KINDS.includes(kind as FileKind) || !tenantId || !placeKey || !userId || option === undefined)
    return undefined;
  return { kind: kind as FileKind, tenantId, placeKey, userId, option };
}

/** The page's one script posts the chosen file's bytes as they are: the server does the decoding. */
const SCRIPT = `
const form = document.getElementById('upload');
const result = document.getElementById('result');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = document.getElementById('file').files[0];
  if (!file) { result.textContent = 'Choose the file first.'; return; }
  form.querySelector('button').disabled = true;
  result.textContent = 'Reading ' + file.name + '…';
  try {
    const response = await fetch(location.href, { method: 'POST', body: file, headers: { 'content-type': 'application/octet-stream' } });
    const answer = await response.json().catch(() => ({ message: 'Something went wrong on our side. Nothing was imported: try again in a minute.' }));
    result.textContent = answer.message ?? 'Something went wrong on our side. Nothing was imported: try again in a minute.';
    result.className = answer.imported ? 'done' : 'refused';
  } catch {
    result.textContent = 'The file could not be sent (is the connection down?). Nothing was imported.';
    result.className = 'refused';
  } finally {
    form.querySelector('button').disabled = false;
  }
});`;

function uploadPage(kind: FileKind, clusterName: string, nonce: string): string {
  const title = `${TITLES[kind]} for ${escapeHtml(clusterName)}`;
  return (
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${title} · Clusterbot</title>` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#222}' +
    'h1{color:#0f6e6e}#result{white-space:pre-wrap;margin-top:1rem}.done{color:#0b5a2a}.refused{color:#a4262c}</style>' +
    `</head><body><h1>${title}</h1>` +
    '<p>Choose the file as you downloaded it. Clusterbot reads it as windows-1252 or UTF-8, whichever it is, ' +
    'takes out invisible characters (and says where they were), and checks every row before anything is saved. ' +
    'What happened is also sent to your personal chat with Clusterbot in Teams.</p>' +
    `<form id="upload"><label for="file">Your file</label> <input id="file" name="file" type="file" accept="${ACCEPT[kind]}" required> ` +
    '<button type="submit">Import</button></form><p id="result" role="status" aria-live="polite"></p>' +
    '<noscript><p>This page needs JavaScript to send the file. Or paste the file into Teams under its command.</p></noscript>' +
    `<script nonce="${nonce}">${SCRIPT}</script></body></html>`
  );
}

const REFUSALS = {
  invalid: {
    status: 403,
    message: 'This upload link is not valid. Ask Clusterbot for a new one with /upload.',
  },
  expired: {
    status: 410,
    message:
      'This upload link has expired (they work for an hour). Ask Clusterbot for a new one with /upload.',
  },
} as const;

/**
 * The signed upload page: GET shows a file picker, POST takes the file's bytes and runs the
 * import as the lead the link was made for. The link is checked before a byte is read.
 */
export function fileUploads(
  secret: string,
  clock: Clock,
  run: UploadRun,
  clusterNameOf: (target: UploadTarget) => Promise<string | undefined>,
) {
  type Checked = { target: UploadTarget } | { refused: { status: number; message: string } };
  const check = (kind: string, query: Query): Checked => {
    const target = targetOf(kind, query);
    if (!target) return { refused: REFUSALS.invalid };
    const verdict = verifyLink(secret, uploadSubject(target), text(query.expires), text(query.sig), clock());
    return verdict === 'valid' ? { target } : { refused: REFUSALS[verdict] };
  };
  return {
    async page(kind: string, query: Query): Promise<{ status: number; html: string; nonce: string }> {
      const nonce = randomBytes(16).toString('base64');
      const checked = check(kind, query);
      if ('refused' in checked)
        return { status: checked.refused.status, html: `<p>${checked.refused.message}</p>`, nonce };
      const clusterName = await clusterNameOf(checked.target);
      if (!clusterName) return { status: 404, html: '<p>That cluster no longer exists.</p>', nonce };
      return { status: 200, html: uploadPage(checked.target.kind, clusterName, nonce), nonce };
    },
    async receive(
      kind: string,
      query: Query,
      body: AsyncIterable<Uint8Array>,
    ): Promise<{ status: number; body: { imported: boolean; message: string } }> {
      const checked = check(kind, query);
      if ('refused' in checked)
        return {
          status: checked.refused.status,
          body: { imported: false, message: checked.refused.message },
        };
      const outcome = await run(checked.target, body);
      return { status: outcome.imported ? 200 : 422, body: outcome };
    },
  };
}
