import { type AnyValueMap, logs, SeverityNumber } from '@opentelemetry/api-logs';

/**
 * A pino destination that hands each log line to OpenTelemetry, which Application Insights
 * stores as a trace (or, for a line with an error, as an exception). The lines are already free
 * of message text and names (see logging/logger.ts); this keeps their fields, ids included.
 */
const SEVERITY: Record<number, SeverityNumber> = {
  10: SeverityNumber.TRACE,
  20: SeverityNumber.DEBUG,
  30: SeverityNumber.INFO,
  40: SeverityNumber.WARN,
  50: SeverityNumber.ERROR,
  60: SeverityNumber.FATAL,
};

interface PinoLine {
  level?: number;
  msg?: string;
  err?: { type?: string; message?: string; stack?: string };
  [field: string]: unknown;
}

const SKIPPED = new Set(['level', 'msg', 'time', 'err', 'service']);

export function attributesOf(line: PinoLine): AnyValueMap {
  const attributes: AnyValueMap = {};
  for (const [name, value] of Object.entries(line)) {
    if (SKIPPED.has(name) || value === undefined || value === null) continue;
    attributes[name] =
      typeof value === 'object' ? JSON.stringify(value) : (value as string | number | boolean);
  }
  if (line.err) {
    attributes['exception.type'] = line.err.type ?? 'Error';
    attributes['exception.message'] = line.err.message ?? '';
    attributes['exception.stacktrace'] =
      line.err.stack ?? `${line.err.type ?? 'Error'}: ${line.err.message ?? ''}`;
  }
  return attributes;
}

export function openTelemetryLogStream(): { write(line: string): void } {
  const logger = logs.getLogger('clusterbot');
  return {
    write(text: string) {
      let line: PinoLine;
      try {
        line = JSON.parse(text) as PinoLine;
      } catch {
        return;
      }
      const level = line.level ?? 30;
      logger.emit({
        severityNumber: SEVERITY[level] ?? SeverityNumber.INFO,
        severityText: SeverityNumber[SEVERITY[level] ?? SeverityNumber.INFO],
        body: line.msg ?? '',
        attributes: attributesOf(line),
      });
    },
  };
}
