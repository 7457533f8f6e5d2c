// A signature as the API lists it and webhooks tell of it: who signed, where, with what comment, from where, and
// when anything about it last changed.
export interface ListedSignature {
  id: number;
  name: string;
  email: string;
  postalCode: string;
  town: string | null;
  comment: string | null;
  source: string | null;
  locale: string;
  status: string;
  optIn: boolean;
  createdAt: string;
  /** The last time anything about it changed. */
  modifiedAt: string;
  erased: boolean;
  /** 'online', or 'paper' (entered from a signature sheet: its number and line). */
  method: 'online' | 'paper' | 'kiosk';
  sheet: number | null;
  sheetLine: number | null;
}
