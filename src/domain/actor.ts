/** The person asking for a change (ids and display name: the name goes into the change log). */
export interface Actor {
  userId: string;
  name: string;
  aadObjectId?: string;
}
