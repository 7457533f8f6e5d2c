// English messages of one feature: abuse defences (limits, block lists, proof of work) and the admin settings. Spread into ../en.ts.
import type { Message } from '../message.js';

export const abuseEn = {
  'abuse.limited.petition':
    'This petition is receiving more signatures than it can take in right now. Please wait a minute and try again.',
  'abuse.limited.domain':
    'We received too many signatures from addresses at your email provider in a short time. Please wait a minute and try again.',
  'abuse.blocked.domain': 'We can’t accept addresses from this email provider. Please use another email address.',
  'abuse.blocked.email': 'We can’t accept signatures from this email address. Please use another email address.',
  'abuse.blocked.network.title': 'Signing is not possible from this network',
  'abuse.blocked.network.body':
    'Signatures from the network you are connected to are blocked because of abuse. Please try again from another connection (for example, your phone’s mobile data).',
  'abuse.pow.working': 'Checking your browser before sending… this takes a few seconds.',
  'abuse.pow.slowerPath':
    'This petition is receiving unusually many signatures, so we check each one. Your browser could not do the automatic check (it needs JavaScript), so we sent you an email instead: your signature counts once you open the link in it and confirm.',

  'settings.title': 'Site settings',
  'settings.intro': 'These settings apply at once, on every server, without a restart. A limit of 0 turns it off.',
  'settings.back': 'Back to administration',
  'settings.saved': 'The settings are saved.',
  'settings.errorSummary': {
    one: 'There is {count} problem with the settings',
    other: 'There are {count} problems with the settings',
  },
  'settings.submit': 'Save settings',
  'settings.invalid': 'Enter a whole number from {min} to {max}.',
  'settings.invalid.choice': 'Choose one of the options.',
  'settings.group.moderation': 'Moderation',
  'settings.group.limits': 'Rate limits',
  'settings.group.pow': 'Proof of work',
  'settings.group.privacy': 'Privacy',
  'settings.moderationMode': 'When new petitions are published',
  'settings.moderationMode.help': 'Whether a new petition waits in the review queue before the public can see it.',
  'settings.moderationMode.first_petition':
    'An organizer’s first petition waits for review; later ones are published at once and reviewed afterwards',
  'settings.moderationMode.pre': 'Every new petition waits for review',
  'settings.moderationMode.post': 'Every petition is published at once and reviewed afterwards',
  'settings.reviewDeadlineHours': 'Review deadline (hours)',
  'settings.reviewDeadlineHours.help': 'A petition waiting longer than this is shown as overdue in the review queue.',
  'settings.signPerAddressPerMinute': 'Signatures per connection per minute',
  'settings.signPerAddressPerMinute.help':
    'Signing attempts from one client address in a minute, over all petitions. Keep it above what a shared connection (a school, an office, a mobile network) honestly sends.',
  'settings.signPerPetitionPerMinute': 'Signatures per petition per minute',
  'settings.signPerPetitionPerMinute.help':
    'All signers of one petition together, in a minute. Use it only to slow a petition under attack: honest signers over it are asked to try again.',
  'settings.signPerDomainPerMinute': 'Signatures per email domain per petition per minute',
  'settings.signPerDomainPerMinute.help':
    'Signatures with addresses at one email domain, for one petition, in a minute. The big free providers are exempt, because thousands of honest signers share them: {providers}.',
  'settings.reportsPerAddressPerHour': 'Reports per connection per hour',
  'settings.reportsPerAddressPerHour.help': 'Reports of petitions or comments from one client address in an hour.',
  'settings.powSiteWide': 'Proof of work on every petition',
  'settings.powSiteWide.help':
    'Before a signature counts, the signer’s browser solves a small puzzle (a few seconds of computing, no third party). Without JavaScript the signature is still accepted, and counts once confirmed by email.',
  'settings.powAutoBurstPerMinute':
    'Switch proof of work on by itself after this many signatures from one network in a minute',
  'settings.powAutoBurstPerMinute.help':
    'Counted per petition and per network (the first three parts of an IPv4 address, /24, or the first three groups of an IPv6 address, /48). Proof of work then stays on for that petition for an hour. 0: never by itself.',
  'settings.powDifficulty': 'Proof-of-work difficulty',
  'settings.powDifficulty.help':
    'How many answers a browser may have to try: 50,000 takes a phone about a second or two. Higher is slower for scripts and for honest signers.',
  'settings.retentionDays': 'Days until signers’ personal data is erased',
  'settings.retentionDays.help':
    'After a petition closes, its signers’ names, emails, comments and address hashes are erased after this many days. Counts and totals per town remain.',
  'settings.yes': 'On',
  'settings.no': 'Off',
  'settings.pow.heading': 'Proof of work for one petition',
  'settings.pow.intro':
    'Switch proof of work on for one petition under attack, or off again (this also ends a period switched on by itself).',
  'settings.pow.slug': 'Petition address (the part after /p/)',
  'settings.pow.mode': 'Proof of work',
  'settings.pow.submit': 'Apply to this petition',
  'settings.pow.unknownPetition': 'There is no petition at this address.',
  'settings.pow.saved': 'Proof of work for “{slug}” is now {state}.',
  'settings.pow.listCaption': 'Petitions with proof of work on',
  'settings.pow.none': 'No petition has proof of work on.',
  'settings.pow.col.petition': 'Petition',
  'settings.pow.col.state': 'Why',
  'settings.pow.byAdmin': 'Switched on by an admin',
  'settings.pow.auto': 'Switched on by itself after a burst, until {time}',
  'settings.pow.siteWide': 'Proof of work is on for every petition (site setting above).',

  'blocks.title': 'Block lists',
  'blocks.intro':
    'Signatures from blocked email domains, email addresses and networks are refused with a clear message. Disposable email providers (a list of about 120,000 domains that comes with Firma) are always refused.',
  'blocks.back': 'Back to administration',
  'blocks.add.heading': 'Block something',
  'blocks.kind': 'What to block',
  'blocks.kind.domain': 'An email domain',
  'blocks.kind.email': 'An email address',
  'blocks.kind.cidr': 'A network (address or CIDR range)',
  'blocks.value': 'Value',
  'blocks.value.help':
    'A domain such as example.com (its subdomains are blocked too), an address such as name@example.com, or a network such as 203.0.113.0/24, 2001:db8::/32 or one address.',
  'blocks.note': 'Note (why, for the other admins)',
  'blocks.submit': 'Block',
  'blocks.errorSummary': {
    one: 'There is {count} problem with the block',
    other: 'There are {count} problems with the block',
  },
  'blocks.error.kind': 'Choose what to block.',
  'blocks.error.domain': 'Enter a domain such as example.com.',
  'blocks.error.email': 'Enter an email address such as name@example.com.',
  'blocks.error.cidr': 'Enter an IPv4 or IPv6 address, or a range such as 203.0.113.0/24.',
  'blocks.error.note': 'Write a note of up to 500 characters saying why.',
  'blocks.error.duplicate': 'This is already blocked.',
  'blocks.added': 'Blocked.',
  'blocks.removed': 'The block is removed.',
  'blocks.caption': { one: '{count} block', other: '{count} blocks' },
  'blocks.none': 'Nothing is blocked yet.',
  'blocks.col.kind': 'Kind',
  'blocks.col.value': 'Value',
  'blocks.col.note': 'Note',
  'blocks.col.added': 'Added',
  'blocks.remove': 'Remove',
  'blocks.removeLabel': 'Remove the block of {value}',
} satisfies Record<string, Message>;
