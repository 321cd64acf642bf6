import pino from 'pino';

/**
 * Structured JSON logs. Rule: above debug level we log ids, counts and outcomes, never message
 * text, names or other personal data (heads' names, reasons for apologies, pupil anything).
 */
export type Logger = pino.Logger;

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'clusterbot' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Belt and braces: if a whole activity is ever logged by mistake, its text is not.
      redact: { paths: ['text', '*.text', 'activity.text', 'value', '*.value'], censor: '[redacted]' },
    },
    destination,
  );
}
