/**
 * Files as downloaded (from GIAS, the DfE, Ofsted, a local authority), sent by a cluster lead
 * rather than pasted: what kinds there are, whom an upload is for, and what reading one found.
 * Rosters, term dates and public performance data.
 */
export const FILE_KINDS = ['roster', 'terms', 'performance'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** Whom an uploaded file is for: one lead's import into one cluster (see signed upload links). */
export interface UploadTarget {
  kind: FileKind;
  tenantId: string;
  /** The team or chat of the cluster (its place key). */
  placeKey: string;
  userId: string;
  /** The network (roster), school year (terms, performance), or ''. */
  option: string;
}

/** The largest roster or term-dates file read whole; performance files stream and may be far larger. */
export const MAX_TEXT_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_PERFORMANCE_FILE_BYTES = 200 * 1024 * 1024;

/** A character nobody can see, taken out of a file as it was read (see import/invisible-characters). */
export interface InvisibleCharacter {
  line: number;
  /** What it was, in words: "U+0092, read as ’" or "a zero-width space". */
  what: string;
}
