/** A rendered Adaptive Card (schema 1.5: the newest Teams renders), ready to attach to a message. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: string;
  [key: string]: unknown;
}
