import { trace } from '@opentelemetry/api';

/**
 * Puts the bot's request id on the request being traced, so Application Insights' request, its
 * dependencies and its log lines can be found from the id in a log or an error card. Without a
 * telemetry SDK started this is a no-op (the OpenTelemetry API does nothing on its own).
 */
export function tagCurrentRequest(requestId: string): void {
  trace.getActiveSpan()?.setAttribute('clusterbot.request_id', requestId);
}
