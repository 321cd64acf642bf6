import type { Clock } from './domain/clock';

/** The real clock, used only by the composition root; everything else receives a Clock. */
export const systemClock: Clock = () => new Date();
