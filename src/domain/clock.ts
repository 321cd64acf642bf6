/**
 * Time is injected everywhere, so that rules about "a week before the meeting" can be tested
 * at any instant (including either side of a clock change) without touching the system clock.
 */
export type Clock = () => Date;
