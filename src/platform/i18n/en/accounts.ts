// English messages of one feature: Sign-in, sessions and accounts. Spread into ../en.ts.
import type { Message } from '../message.js';

export const accountsEn = {
  'nav.label': 'Organizers',
  'nav.startPetition': 'Start a petition',
  'nav.signIn': 'Sign in',
  'nav.myPetitions': 'My petitions',
  'nav.account': 'Account',
  'nav.signOut': 'Sign out',

  'signin.title': 'Sign in',
  'signin.intro':
    'Organizers sign in with a link we send by email: there is no password to remember. If you do not have an account yet, it is made the first time you use the link.',
  'signin.email': 'Your email address',
  'signin.emailHint': 'We send the link here. It works once.',
  'signin.submit': 'Email me a sign-in link',
  'signin.signedOutEverywhere': 'You are signed out on every device.',
  'signin.signedOut': 'You are signed out.',
  'signin.errorSummary': 'Please correct this to continue:',

  'signin.sent.title': 'Check your email',
  'signin.sent.body': {
    one: 'If the address you gave is right, a sign-in link is on its way to it. The link works once, for {count} minute.',
    other:
      'If the address you gave is right, a sign-in link is on its way to it. The link works once, for {count} minutes.',
  },
  'signin.sent.spam': 'Nothing after a few minutes? Look in your spam folder, or ask for a new link.',
  'signin.sent.again': 'Ask for a new link',

  'signin.confirm.title': 'Sign in as {email}',
  'signin.confirm.body': 'Press the button to finish signing in on this device.',
  'signin.confirm.submit': 'Sign in',

  'signin.used.title': 'This sign-in link was already used',
  'signin.used.body':
    'Each link works only once. If that was not you, nothing is lost: ask for a new link and sign in again.',
  'signin.expired.title': 'This sign-in link has expired',
  'signin.expired.body': 'Sign-in links work only for a short time, to keep your account safe. Ask for a new one.',
  'signin.invalid.title': 'This sign-in link does not work',
  'signin.invalid.body': 'The link may be incomplete: some email programs break long links. Ask for a new one.',
  'signin.newLink': 'Get a new sign-in link',

  'signin.rateLimited.title': 'Too many sign-in requests',
  'signin.rateLimited.body':
    'We received too many sign-in requests from your connection. Please wait an hour and try again.',

  'account.title': 'Your account',
  'account.email': 'Email',
  'account.role': 'Role',
  'account.name': 'Name',
  'account.noName': 'Not set',
  'account.role.organizer': 'Organizer',
  'account.role.moderator': 'Moderator',
  'account.role.admin': 'Administrator',
  'account.nameHeading': 'Your name as organizer',
  'account.nameLabel': 'Display name',
  'account.nameHint':
    'Shown as the organizer on the petitions you start from now on, and in the delivery packet. Leave empty to remove it.',
  'account.nameSubmit': 'Save name',
  'account.saved': 'Your name was saved.',
  'account.name.tooLong': 'Your name can be at most {max} characters long.',
  'account.name.invalidCharacters':
    'Your name contains characters we cannot accept. Please use letters, spaces and punctuation.',
  'account.sessionsHeading': 'Devices',
  'account.sessionsBody': 'Lost a phone, or signed in on a shared computer? End every session, here included.',
  'account.signOutEverywhere': 'Sign out everywhere',

  'mail.signIn.subject': 'Your sign-in link for {site}',
  'mail.signIn.intro': 'Someone asked to sign in to {site} with this email address. Use the button below to sign in.',
  'mail.signIn.action': 'Sign in',
  'mail.signIn.expiry': {
    one: 'The link works once, for {count} minute.',
    other: 'The link works once, for {count} minutes.',
  },
  'mail.signIn.notYou': 'If you did not ask to sign in, ignore this email: nobody can sign in without the link.',

  'users.title': 'Accounts and roles',
  'users.back': '← Administration',
  'users.intro':
    'Organizers start petitions; moderators review petitions and reports; administrators also change settings, block lists and roles. A change takes effect on the person’s next page.',
  'users.search': 'Find by email or name',
  'users.searchSubmit': 'Search',
  'users.none': 'No account matches.',
  'users.caption': { one: '{count} account', other: '{count} accounts' },
  'users.col.account': 'Account',
  'users.col.petitions': 'Petitions',
  'users.col.lastSignIn': 'Last sign-in',
  'users.col.role': 'Role',
  'users.never': 'Never',
  'users.you': '(you)',
  'users.roleOf': 'Role of {email}',
  'users.roleSubmit': 'Change role',
  'users.more': 'Only the first {count} accounts are listed: search to find others.',
  'users.changed': 'The role was changed.',
  'users.badRole': 'Choose one of the roles in the list.',
  'users.notYourself': 'You cannot change your own role: ask another administrator.',
} satisfies Record<string, Message>;
