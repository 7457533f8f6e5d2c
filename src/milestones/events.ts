// What milestones announce, for other features to react to (wired in src/reactions.ts).
export interface MilestoneEvents {
  /** The count passed a milestone (the highest one, when a burst passed several at once). */
  'milestone.reached': { petitionId: number; milestone: number; now: string };
}
