// English messages of one feature: the privacy page and admins' deletion requests. Spread into ../en.ts.
import type { Message } from '../message.js';

export const privacyEn = {
  'footer.privacy': 'Privacy',
  'packet.nameErased': 'Name erased (privacy)',

  'privacy.title': 'Privacy',
  'privacy.description':
    'What Firma collects when you sign a petition, what is public, how long it is kept, and how to have it deleted.',
  'privacy.intro':
    'Signing a petition can be a brave thing to do. Here is, in plain words, what happens to your details when you sign on this site.',
  'privacy.collect.heading': 'What we collect when you sign',
  'privacy.collect.body':
    'Your name, your email address, your ZIP code (and the town it belongs to), your comment if you write one, how you want your name shown, whether you want news about the petition, the language you used, when you signed and, if you came through a shared link, which one.',
  'privacy.public.heading': 'What is public',
  'privacy.public.body':
    'Only your name as you chose to show it (your full name, your first name and last initial, or not at all), your town and your comment. Your ZIP code is not shown. The number of signatures is public.',
  'privacy.email.heading': 'Your email address is never public',
  'privacy.email.body':
    'Your email address is never shown on any page, never shown to other signers, and is not in the lists organizers download or deliver. We use it only to confirm your signature and to send you the emails about this petition that you asked for.',
  'privacy.address.heading': 'Your internet address',
  'privacy.address.body':
    'We do not keep your internet (IP) address. We keep only a keyed hash of it: a code made from it with a secret key on this server, which lets us notice many signatures from one place without knowing the address.',
  'privacy.retention.heading': 'How long we keep your details',
  'privacy.retention.body': {
    one: '{count} day after a petition closes, we erase the personal details of everyone who signed it: names, email addresses, comments and address hashes.',
    other:
      '{count} days after a petition closes, we erase the personal details of everyone who signed it: names, email addresses, comments and address hashes.',
  },
  'privacy.kept.heading': 'What is kept after that',
  'privacy.kept.body':
    'The number of signatures, how many came from each town and ZIP code, the date of each signature and the record of the delivery, so the petition’s result still stands. Nobody can tell from them who signed.',
  'privacy.withdraw.heading': 'Withdraw your signature',
  'privacy.withdraw.body':
    'Every email we send you about a petition has a link to withdraw your signature. It takes your signature off the count and deletes your details at once.',
  'privacy.request.heading': 'Ask us to delete your details',
  'privacy.request.body':
    'Write to {contact} with the email address you signed with. We will find every petition you signed on this site and delete those signatures. We keep a note that a request was handled, but not your address.',
  'privacy.thirdParty.heading': 'No trackers',
  'privacy.thirdParty.body':
    'This site loads no scripts, fonts, images or analytics from other sites, and shows no ads. The only cookies remember the language you chose and, for organizers, that they are signed in.',

  'privacyAdmin.title': 'Deletion requests',
  'privacyAdmin.intro':
    'When someone asks to have their details deleted, find their signatures by the email address they signed with, and erase them. The address is not kept: the audit log records a keyed hash of it, the number of signatures and your note.',
  'privacyAdmin.email': 'Email address',
  'privacyAdmin.emailHint':
    'As the person gave it. Other forms of the same address (capitals, dots in Gmail addresses, +tags) are found too.',
  'privacyAdmin.search': 'Find signatures',
  'privacyAdmin.found': { one: '{count} signature by this address', other: '{count} signatures by this address' },
  'privacyAdmin.none': 'No signatures were found for this address.',
  'privacyAdmin.column.petition': 'Petition',
  'privacyAdmin.column.petitionStatus': 'Petition status',
  'privacyAdmin.column.signed': 'Signed on',
  'privacyAdmin.column.status': 'Signature',
  'privacyAdmin.petitionStatus.draft': 'Draft',
  'privacyAdmin.petitionStatus.open': 'Open',
  'privacyAdmin.petitionStatus.closed': 'Closed',
  'privacyAdmin.signatureStatus.confirmed': 'Confirmed',
  'privacyAdmin.signatureStatus.pending': 'Not confirmed',
  'privacyAdmin.signatureStatus.invalidated': 'Invalidated',
  'privacyAdmin.signatureStatus.other': 'Other',
  'privacyAdmin.note': 'Note',
  'privacyAdmin.noteHint': 'How and when the request arrived, e.g. “request received by email on 3 March”.',
  'privacyAdmin.erase': { one: 'Erase {count} signature', other: 'Erase all {count} signatures' },
  'privacyAdmin.done': {
    one: '{count} signature erased. Counts have been adjusted.',
    other: '{count} signatures erased. Counts have been adjusted.',
  },
  'privacyAdmin.errorSummary': { one: 'There is {count} problem', other: 'There are {count} problems' },
  'privacyAdmin.error.email': 'Enter the email address the person signed with.',
  'privacyAdmin.error.noteRequired': 'Write a note: how and when the request arrived.',
  'privacyAdmin.error.noteTooLong': 'The note can be at most {max} characters.',
} satisfies Record<string, Message>;
