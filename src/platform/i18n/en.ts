// The English catalog defines every message key; es.ts must have exactly the same keys.
import type { Message } from './message.js';
import { accountsEn } from './en/accounts.js';
import { dashboardEn } from './en/dashboard.js';
import { deliveryEn } from './en/delivery.js';
import { invalidationEn } from './en/invalidation.js';
import { securityEn } from './en/security.js';
import { organizeEn } from './en/organize.js';
import { moderationEn } from './en/moderation.js';
import { abuseEn } from './en/abuse.js';
import { privacyEn } from './en/privacy.js';

export const en = {
  'site.name': 'Firma',
  'site.tagline': 'Petitions that reach the people in power',
  'site.skipToContent': 'Skip to main content',
  'site.home': 'Home',
  'site.footer': 'Firma is free software for petitions. No trackers, no ads, no third-party scripts.',
  'lang.label': 'Language',
  'lang.en': 'English',
  'lang.es': 'Español',

  'home.title': 'Open petitions',
  'home.intro': 'Sign a petition to the people in power. It takes less than a minute, and you do not need an account.',
  'home.empty': 'There are no open petitions yet.',
  'home.signatures': { one: '{count} signature', other: '{count} signatures' },

  'petition.milestoneReached': { one: '{count} signature reached', other: '{count} signatures reached' },
  'petition.firstSigners': 'Be one of the first to sign',
  'petition.count': { one: '{count} signature', other: '{count} signatures' },
  'petition.nextGoal': 'Next goal: {goal}',
  'petition.progressLabel': '{count} of {goal} signatures toward the next goal',
  'petition.to': 'To:',
  'petition.why': 'Why is this important?',
  'petition.delivery': 'How it will be delivered',
  'petition.delivery.by_hand': 'By hand.',
  'petition.delivery.by_email': 'By email.',
  'petition.delivery.by_mail': 'By mail.',
  'petition.delivery.other': 'Another way.',
  'petition.recentSigners': 'Recent signers',
  'petition.noPublicSigners': 'No public signatures yet.',
  'petition.closed': 'This petition is closed and no longer accepts signatures.',
  'petition.readIn': 'Read this petition in',

  'share.heading': 'Share this petition',
  'share.copy': 'Copy link',
  'share.copied': 'Link copied',
  'share.whatsapp': 'WhatsApp',
  'share.email': 'Email',
  'share.facebook': 'Facebook',
  'share.x': 'X',
  'share.message': 'I signed “{title}”. Will you sign too?',
  'share.linkLabel': 'Link to this petition',

  'sign.heading': 'Sign this petition',
  'sign.name': 'Full name',
  'sign.email': 'Email',
  'sign.emailHint': 'Never shown publicly.',
  'sign.postalCode': 'ZIP code',
  'sign.postalCodeHint': 'Five digits, like 06106. Used to show your town; the code itself is never shown.',
  'sign.comment': 'Comment (optional)',
  'sign.commentHint': 'Public, shown with your name as you choose below. Up to {max} characters.',
  'sign.display': 'How your name appears publicly',
  'sign.display.full': 'My full name',
  'sign.display.first_initial': 'My first name and last initial',
  'sign.display.hidden': 'Do not show my name',
  'sign.optIn': 'Email me updates about this petition',
  'sign.submit': 'Sign the petition',
  'sign.privacy':
    'What is public: your name as you choose above, your town and your comment. What is never public: your email and your ZIP code.',
  'sign.confirmNote': 'We will email you a link: your signature counts once you open it and confirm.',
  'sign.honeypot': 'Leave this field empty',
  'sign.errorSummary': { one: 'Please fix {count} problem below.', other: 'Please fix {count} problems below.' },

  'error.name.required': 'Please enter your name.',
  'error.name.tooLong': 'Your name can be at most {max} characters long.',
  'error.name.invalidCharacters':
    'Your name contains characters we cannot accept. Please use letters, spaces and punctuation.',
  'error.email.required': 'Please enter your email address.',
  'error.email.invalid': 'Please enter a valid email address, like name@example.com.',
  'error.email.tooLong': 'Your email address can be at most {max} characters long.',
  'error.postalCode.required': 'Please enter your ZIP code.',
  'error.postalCode.invalid': 'Please enter a 5-digit US ZIP code, like 06106.',
  'error.comment.tooLong': 'Your comment can be at most {max} characters long.',
  'error.comment.invalidCharacters': 'Your comment contains characters we cannot accept.',
  'error.nameDisplay.invalid': 'Please choose how your name appears publicly.',
  'error.honeypot.filled': 'Please leave the field “Leave this field empty” empty.',
  'error.petitionClosed': 'This petition is closed and no longer accepts signatures.',

  'thanks.title': 'Thank you for signing!',
  'thanks.body': 'Your signature on “{title}” has been counted.',
  'thanks.already': 'You had already signed “{title}”. Your signature is counted once, so nothing changed.',
  'thanks.share': 'Petitions win when people share them. Ask a friend to sign:',
  'thanks.back': 'Back to the petition',

  'page.notFound.title': 'Page not found',
  'page.notFound.body': 'We could not find that page. The petition may have moved, or the link may be incomplete.',
  'page.serverError.title': 'Something went wrong',
  'page.serverError.body':
    'Something went wrong on our side. Nothing you sent was lost on purpose; please go back and try again in a moment.',
  'page.unavailable.title': 'Please try again in a minute',
  'page.unavailable.body':
    'The site cannot reach its database right now, so nothing was saved. Please try again in a minute.',
  'page.unavailable.form': 'What you sent is kept below, ready to send again.',
  'page.unavailable.retry': 'Send again',
  'sign.unavailable.title': 'Your signature was not taken',
  'sign.unavailable.body':
    'The site could not save signatures just now, so your signature was not taken. Please wait a minute and send it again: what you typed is still here.',
  'page.tooLarge.title': 'That was too much to send',
  'page.tooLarge.body': 'What you sent was larger than this form accepts. Please shorten your comment and try again.',
  'page.unsupportedType.title': 'We could not read that form',
  'page.unsupportedType.body':
    'The form was sent in a format we do not accept. Please go back and sign using the form on the petition page.',
  'page.badRequest.title': 'We could not read that form',
  'page.badRequest.body': 'Part of what was sent could not be read. Please go back and try again.',
  'page.forbidden.title': 'This form must be sent from Firma',
  'page.forbidden.body':
    'For your safety we only accept this form when it is sent from this site. Please open the petition and sign there.',
  'page.rateLimited.title': 'Too many attempts',
  'page.rateLimited.body':
    'We received too many signatures from your connection in a short time. Please wait a minute and try again.',
  'page.goHome': 'See open petitions',
  'thanks.checkEmail.title': 'Check your email to confirm',
  'thanks.checkEmail.body':
    'To count your signature on “{title}”, open the link we just sent to your email address. If it has not arrived in a few minutes, look in your spam folder.',

  'mail.greeting': 'Hello {name},',
  'mail.confirm.subject': 'Please confirm your signature: {title}',
  'mail.confirm.intro':
    'Thank you for signing “{title}”. Your signature counts once you confirm that this is your email address.',
  'mail.confirm.action': 'Confirm my signature',
  'mail.confirm.expiry': { one: 'This link works for {count} day.', other: 'This link works for {count} days.' },
  'mail.confirm.notYou':
    'If you did not sign, ignore this email: the signature will not be counted and will be deleted.',
  'mail.thanks.subject': 'Thank you for signing: {title}',
  'mail.thanks.intro': 'Your signature on “{title}” is counted. Thank you.',
  'mail.already.subject': 'You have already signed: {title}',
  'mail.already.intro':
    'Someone, probably you, tried to sign “{title}” again with this email address. Your signature was already counted, once, so nothing changed.',
  'mail.milestone.subject': {
    one: '“{title}” reached {count} signature',
    other: '“{title}” reached {count} signatures',
  },
  'mail.milestone.intro': {
    one: '“{title}” reached {count} signature. Thank you for being part of it.',
    other: '“{title}” reached {count} signatures. Thank you for being part of it.',
  },
  'mail.milestone.organizerIntro': {
    one: 'Your petition “{title}” reached {count} signature.',
    other: 'Your petition “{title}” reached {count} signatures.',
  },
  'mail.milestone.nextGoal': 'The next goal is {goal}. Sharing it again is the best way to get there.',
  'mail.shareAction': 'Share the petition',
  'mail.viewPetition': 'See the petition',
  'mail.footer.why': 'You receive this email because this address was used to sign “{title}” on {site}.',
  'mail.footer.withdraw': 'Withdraw my signature',
  'mail.footer.unsubscribe': 'Stop emails about this petition',

  'confirm.ask.title': 'Confirm your signature',
  'confirm.ask.body':
    'Your signature on “{title}” counts once you press the button below to confirm that this is your email address. If you did not sign, close this page: nothing will be counted.',
  'confirm.submit': 'Confirm my signature',
  'confirm.title': 'Your signature is confirmed',
  'confirm.body': 'Thank you. Your signature on “{title}” now counts.',
  'confirm.already.title': 'Your signature is already confirmed',
  'confirm.already.body': 'Your signature on “{title}” was already confirmed. It counts once.',
  'confirm.expired.title': 'This confirmation link has expired',
  'confirm.expired.body': {
    one: 'Confirmation links work for {count} day, and this one is older. Please sign the petition again to get a new link.',
    other:
      'Confirmation links work for {count} days, and this one is older. Please sign the petition again to get a new link.',
  },
  'link.invalid.title': 'This link does not work',
  'link.invalid.body':
    'The link may be incomplete, or the signature it belonged to was withdrawn or has expired. If you copied the link, check that you copied all of it.',
  'withdraw.title': 'Withdraw your signature',
  'withdraw.body':
    'Do you want to withdraw your signature from “{title}”? It will no longer be counted, and your name, email address and comment will be deleted.',
  'withdraw.submit': 'Withdraw my signature',
  'withdraw.done.title': 'Your signature was withdrawn',
  'withdraw.done.body': 'Your signature on “{title}” is no longer counted, and your details have been deleted.',
  'unsubscribe.title': 'Stop emails about this petition',
  'unsubscribe.body': 'Do you want to stop getting emails about “{title}”? Your signature will still count.',
  'unsubscribe.submit': 'Stop emails',
  'unsubscribe.done.title': 'You will get no more emails',
  'unsubscribe.done.body': 'You will get no more emails about “{title}”. Your signature still counts.',

  ...accountsEn,
  ...organizeEn,
  ...dashboardEn,
  ...deliveryEn,
  ...moderationEn,
  ...invalidationEn,
  ...abuseEn,
  ...privacyEn,
  ...securityEn,
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, Message>;
