// What recording a delivery announces, for other features to react to (wired in src/reactions.ts).
export interface DeliveryEvents {
  /** The signatures were delivered (the day, to whom and where are in the delivery). */
  'petition.delivered': { petitionId: number; deliveryId: number; deliveredOn: string; now: string };
}
