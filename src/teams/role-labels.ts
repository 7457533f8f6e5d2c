// The catalog keys that name each role and say what it allows, for the team page, the invitation and its email.
import type { MessageKey } from '../platform/i18n/message-key.js';
import type { PetitionRole } from './team-role.js';

const LABELS: Record<PetitionRole, MessageKey> = {
  organizer: 'team.role.organizer',
  co_organizer: 'team.role.co_organizer',
  data_entry: 'team.role.data_entry',
  viewer: 'team.role.viewer',
};

const ALLOWS: Record<PetitionRole, MessageKey> = {
  organizer: 'team.allows.organizer',
  co_organizer: 'team.allows.co_organizer',
  data_entry: 'team.allows.data_entry',
  viewer: 'team.allows.viewer',
};

export function roleLabelKey(role: PetitionRole): MessageKey {
  return LABELS[role];
}

export function roleAllowsKey(role: PetitionRole): MessageKey {
  return ALLOWS[role];
}
