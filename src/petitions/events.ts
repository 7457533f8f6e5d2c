// What a petition's lifecycle announces, for other features to react to (wired in src/reactions.ts).
export interface PetitionEvents {
  /** Its organizer (or a moderator) closed it, or its closing date passed: no more signatures. Announced once. */
  'petition.closed': { petitionId: number; now: string };
  /** Its organizer declared victory. */
  'petition.won': { petitionId: number; now: string };
}
