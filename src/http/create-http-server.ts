import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from '../logging/logger';
import type { fileUploads } from './file-uploads';
import { PUBLIC_PAGES } from './public-pages';
import type { SignedDownload } from './signed-downloads';
import type { ExportSubject } from './signed-links';

export interface HttpServerDependencies {
  handleMessages: (req: Request, res: Response) => Promise<void>;
  checkStorage: () => Promise<boolean>;
  authMode: 'local' | 'bot-framework';
  logger: Logger;
  downloadRotaCalendar: (clusterId: string, expires?: string, sig?: string) => Promise<SignedDownload>;
  downloadBoardCsv: (boardId: string, expires?: string, sig?: string) => Promise<SignedDownload>;
  downloadMinutes: (
    clusterId: string,
    meetingId: string,
    format: 'html' | 'md',
    expires?: string,
    sig?: string,
  ) => Promise<SignedDownload>;
  downloadExport: (
    subject: ExportSubject,
    format: 'json' | 'html',
    expires?: string,
    sig?: string,
  ) => Promise<SignedDownload>;
  uploads: ReturnType<typeof fileUploads>;
}

function send(res: Response, download: SignedDownload): void {
  if (download.status !== 200) {
    res.status(download.status).type('text/plain').send(download.message);
    return;
  }
  res
    .status(200)
    .type(download.contentType)
    .setHeader('content-disposition', `${download.disposition}; filename="${download.filename}"`)
    .setHeader('cache-control', 'no-store')
    .send(download.body);
}

export function createHttpServer(deps: HttpServerDependencies) {
  const app = express();
  app.disable('x-powered-by');

  app.post('/api/messages', express.json({ limit: '1mb' }), async (req, res, next) => {
    try {
      await deps.handleMessages(req, res);
    } catch (error) {
      next(error);
    }
  });

  app.get('/healthz', async (_req, res) => {
    const storageReachable = await deps.checkStorage();
    res.status(storageReachable ? 200 : 503).json({
      status: storageReachable ? 'ok' : 'unavailable',
      storage: storageReachable ? 'reachable' : 'unreachable',
      auth: deps.authMode,
    });
  });

  // Signed, expiring links from "/rota ics": calendar programs fetch them without signing in.
  app.get('/clusters/:clusterId/rota.ics', async (req, res, next) => {
    try {
      const query = req.query as Record<string, string | undefined>;
      send(res, await deps.downloadRotaCalendar(req.params.clusterId, query.expires, query.sig));
    } catch (error) {
      next(error);
    }
  });

  // Signed links from "/board csv": the board's figures for a spreadsheet.
  app.get('/boards/:boardId/overview.csv', async (req, res, next) => {
    try {
      const query = req.query as Record<string, string | undefined>;
      send(res, await deps.downloadBoardCsv(req.params.boardId, query.expires, query.sig));
    } catch (error) {
      next(error);
    }
  });

  // Signed links on published minutes: the printable page and the Markdown file.
  app.get('/clusters/:clusterId/minutes/:file', async (req, res, next) => {
    try {
      const query = req.query as Record<string, string | undefined>;
      const match = /^(.+)\.(html|md)$/.exec(req.params.file);
      if (!match?.[1]) {
        res.status(404).type('text/plain').send('Minutes come as .html or .md.');
        return;
      }
      const format = match[2] as 'html' | 'md';
      send(res, await deps.downloadMinutes(req.params.clusterId, match[1], format, query.expires, query.sig));
    } catch (error) {
      next(error);
    }
  });

  // Signed links from "/privacy export": everything stored about a school or a person.
  app.get('/privacy/:kind/:first/:second/:file', async (req, res, next) => {
    try {
      const query = req.query as Record<string, string | undefined>;
      const { kind, first, second, file } = req.params;
      const format = file === 'export.json' ? 'json' : file === 'export.html' ? 'html' : undefined;
      if (!format || (kind !== 'school' && kind !== 'person')) {
        res.status(404).type('text/plain').send('An export comes as export.json or export.html.');
        return;
      }
      const subject: ExportSubject =
        kind === 'school'
          ? { kind, clusterId: first, schoolId: second }
          : { kind, tenantId: first, userId: second };
      send(res, await deps.downloadExport(subject, format, query.expires, query.sig));
    } catch (error) {
      next(error);
    }
  });

  // Signed links from "/upload": a page to choose a file as downloaded, and where it is posted.
  app.get('/uploads/:kind', async (req, res, next) => {
    const page = await deps.uploads.page(req.params.kind, req.query).catch((error: unknown) => {
      next(error);
      return undefined;
    });
    if (!page) return;
    res
      .status(page.status)
      .setHeader(
        'content-security-policy',
        `default-src 'none'; script-src 'nonce-${page.nonce}'; style-src 'unsafe-inline'; connect-src 'self'; form-action 'self'`,
      )
      .setHeader('cache-control', 'no-store')
      .type('html')
      .send(page.html);
  });

  app.post('/uploads/:kind', async (req, res, next) => {
    try {
      // A refused or too-large file is not read to its end: the rest is drained, not cut off, so the
      // browser gets the answer rather than a reset connection.
      const body = req.iterator({ destroyOnReturn: false });
      const result = await deps.uploads.receive(req.params.kind, req.query, body);
      req.resume();
      res.status(result.status).setHeader('cache-control', 'no-store').json(result.body);
    } catch (error) {
      next(error);
    }
  });

  for (const [path, html] of Object.entries(PUBLIC_PAGES)) {
    app.get(path, (_req, res) => {
      res.type('html').send(html);
    });
  }

  app.use((_req: Request, res: Response) => {
    res
      .status(404)
      .json({ error: 'Not found. The bot listens on POST /api/messages; health is GET /healthz.' });
  });

  // Express needs all four parameters to recognise an error handler.
  app.use(
    (
      error: Error & { status?: number; type?: string },
      _req: Request,
      res: Response,
      _next: NextFunction,
    ) => {
      // The body parser's refusals (not JSON, not an object, too large) are the caller's mistake.
      if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
        deps.logger.warn({ reason: error.type ?? error.message }, 'refused: request body unreadable');
        res.status(error.status).json({ error: 'The request body is not a JSON object this bot can read.' });
        return;
      }
      deps.logger.error({ err: error }, 'http request failed');
      if (!res.headersSent) {
        res.status(503).setHeader('retry-after', '30').json({ error: 'Temporarily unavailable' });
      }
    },
  );

  return app;
}
