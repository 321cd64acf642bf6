import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import { AzureMonitorLogExporter, AzureMonitorTraceExporter } from '@azure/monitor-opentelemetry-exporter';
import type { Span } from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { openTelemetryLogStream } from './log-bridge';

export interface Telemetry {
  /** A pino destination: each log line also goes to Application Insights. */
  logStream: { write(line: string): void };
  /** Sends what is buffered (call on shutdown; the exporters otherwise send every few seconds). */
  stop(): Promise<void>;
}

/** Signed download links carry their signature in the query: it never goes to telemetry. */
function redactQuery(span: Span, request: ClientRequest | IncomingMessage): void {
  if (!('headers' in request) || typeof request.url !== 'string') return;
  const at = request.url.indexOf('?');
  if (at < 0) return;
  const path = request.url.slice(0, at);
  const scheme = request.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
  const url = `${scheme}://${request.headers.host ?? 'localhost'}${path}?[redacted]`;
  // Both generations of OpenTelemetry's HTTP attribute names, whichever the exporter reads.
  span.setAttribute('http.url', url);
  span.setAttribute('url.full', url);
  span.setAttribute('http.target', `${path}?[redacted]`);
  span.setAttribute('url.path', path);
  span.setAttribute('url.query', '[redacted]');
}

function ingestionHostOf(connectionString: string): string | undefined {
  const endpoint = /IngestionEndpoint=([^;]+)/i.exec(connectionString)?.[1];
  return endpoint ? new URL(endpoint).hostname : undefined;
}

/**
 * Application Insights through Microsoft's OpenTelemetry exporter: incoming requests and
 * outgoing calls (Teams, Table storage, the identity endpoint) as requests and dependencies,
 * and the bot's own log lines as traces, or exceptions when they carry an error. Only the parts
 * the bot uses are loaded (Microsoft's all-in-one distro adds about 35 MB per instance for
 * metrics, resource detectors and instrumentations of databases it does not have).
 *
 * Must run before express and the SDKs are loaded, so http is instrumented: main.ts loads them
 * after this. Every request is kept (no sampling): a partnership's traffic is small and bursty,
 * and a sampled-out failure cannot be traced.
 */
export function startApplicationInsights(connectionString: string): Telemetry {
  const resource = resourceFromAttributes({ 'service.name': 'clusterbot' });
  const traces = new NodeTracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor(new AzureMonitorTraceExporter({ connectionString }))],
  });
  traces.register();
  const logProvider = new LoggerProvider({
    resource,
    processors: [new BatchLogRecordProcessor(new AzureMonitorLogExporter({ connectionString }))],
  });
  logs.setGlobalLoggerProvider(logProvider);

  const ingestionHost = ingestionHostOf(connectionString);
  registerInstrumentations({
    tracerProvider: traces,
    instrumentations: [
      new HttpInstrumentation({
        requestHook: redactQuery,
        // The exporter's own uploads are not dependencies worth recording (and would never end).
        ignoreOutgoingRequestHook: (options: RequestOptions) => options.hostname === ingestionHost,
      }),
    ],
  });
  return {
    logStream: openTelemetryLogStream(),
    // Telemetry that cannot be sent is lost, never a reason for the bot to fail.
    stop: async () => {
      await Promise.allSettled([traces.shutdown(), logProvider.shutdown()]);
    },
  };
}
