// What posting an update announces, for other features to react to (wired in src/reactions.ts).
export interface UpdateEvents {
  /** The organizer posted an update (emailed to signers who asked, when the organizer chose so). */
  'update.sent': { petitionId: number; updateId: number; emailSigners: boolean; now: string };
}
