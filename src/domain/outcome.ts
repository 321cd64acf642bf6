/** What a service answers: the result, or one problem in words the person can act on. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: string };

export const succeed = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = <T = never>(problem: string): Outcome<T> => ({ ok: false, problem });
