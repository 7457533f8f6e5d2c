// A legislator's response to a petition as stored: who gave it (as they held the seat), in which language, and
// whether it is hidden.
export interface StoredResponse {
  id: number;
  petitionId: number;
  personId: number;
  /** The person as they held the seat: their name, chamber and district. */
  name: string;
  chamber: string;
  district: string;
  locale: string;
  body: string;
  /** Entered by the organizer on the legislator's behalf (the page says so). */
  onBehalf: boolean;
  createdAt: string;
  hiddenAt: string | null;
  /** The signers it was emailed to so far (the legislator's constituents who asked for news). */
  emailedCount: number;
}
