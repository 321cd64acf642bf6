import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from '../logging/logger';
import type { CalendarDownload } from '../services/rota-calendar-download';
import { PUBLIC_PAGES } from './public-pages';

export interface HttpServerDependencies {
  handleMessages: (req: Request, res: Response) => Promise<void>;
  checkStorage: () => Promise<boolean>;
  authMode: 'local' | 'bot-framework';
  logger: Logger;
  downloadRotaCalendar: (clusterId: string, expires?: string, sig?: string) => Promise<CalendarDownload>;
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
      const download = await deps.downloadRotaCalendar(req.params.clusterId, query.expires, query.sig);
      if (download.status !== 200) {
        res.status(download.status).type('text/plain').send(download.message);
        return;
      }
      res
        .status(200)
        .type('text/calendar; charset=utf-8')
        .setHeader('content-disposition', `attachment; filename="${download.filename}"`)
        .setHeader('cache-control', 'no-store')
        .send(download.ics);
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
      if (error.type === 'entity.parse.failed') {
        res.status(400).json({ error: 'The request body is not valid JSON.' });
        return;
      }
      deps.logger.error({ err: error }, 'http request failed');
      if (!res.headersSent) {
        res.status(error.status ?? 500).json({ error: 'Internal error' });
      }
    },
  );

  return app;
}
