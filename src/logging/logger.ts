import pino from 'pino';

/**
 * Structured JSON logs. Rule: above debug level we log ids, counts and outcomes, never message
 * text, names or other personal data (heads' names, reasons for apologies, pupil anything).
 */
export type Logger = pino.Logger;

/**
 * `copyTo` receives every line as well as the destination (stdout by default): App Service keeps
 * stdout in its log stream, and Application Insights gets the same lines.
 */
export function createLogger(
  level: string,
  destination?: pino.DestinationStream,
  copyTo?: pino.DestinationStream,
): Logger {
  const out = copyTo
    ? // Both streams take every line the logger emits: its own level is the only filter.
      pino.multistream([
        { level: 'trace', stream: destination ?? process.stdout },
        { level: 'trace', stream: copyTo },
      ])
    : destination;
  return pino(
    {
      level,
      base: { service: 'clusterbot' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Belt and braces: if a whole activity is ever logged by mistake, its text is not.
      redact: { paths: ['text', '*.text', 'activity.text', 'value', '*.value'], censor: '[redacted]' },
    },
    out,
  );
}
