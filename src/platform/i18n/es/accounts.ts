// Spanish messages of one feature: Sign-in, sessions and accounts. Same keys as ../en/accounts.ts (checked by the compiler).
import type { Message } from '../message.js';
import type { accountsEn } from '../en/accounts.js';

export const accountsEs = {
  'nav.label': 'Organizadores',
  'nav.startPetition': 'Inicia una petición',
  'nav.signIn': 'Iniciar sesión',
  'nav.myPetitions': 'Mis peticiones',
  'nav.account': 'Cuenta',
  'nav.signOut': 'Cerrar sesión',

  'signin.title': 'Iniciar sesión',
  'signin.intro':
    'Los organizadores inician sesión con un enlace que enviamos por correo: no hay contraseña que recordar. Si todavía no tienes cuenta, se crea la primera vez que usas el enlace.',
  'signin.email': 'Tu correo electrónico',
  'signin.emailHint': 'Te enviamos el enlace aquí. Funciona una sola vez.',
  'signin.submit': 'Envíame un enlace para entrar',
  'signin.signedOutEverywhere': 'Cerraste la sesión en todos tus dispositivos.',
  'signin.signedOut': 'Cerraste la sesión.',
  'signin.errorSummary': 'Corrige esto para continuar:',

  'signin.sent.title': 'Revisa tu correo',
  'signin.sent.body': {
    one: 'Si la dirección que escribiste es correcta, te llegará un enlace para iniciar sesión. El enlace funciona una sola vez, durante {count} minuto.',
    other:
      'Si la dirección que escribiste es correcta, te llegará un enlace para iniciar sesión. El enlace funciona una sola vez, durante {count} minutos.',
  },
  'signin.sent.spam':
    '¿No llega nada después de unos minutos? Revisa la carpeta de correo no deseado o pide un enlace nuevo.',
  'signin.sent.again': 'Pedir un enlace nuevo',

  'signin.confirm.title': 'Iniciar sesión como {email}',
  'signin.confirm.body': 'Pulsa el botón para terminar de iniciar sesión en este dispositivo.',
  'signin.confirm.submit': 'Iniciar sesión',

  'signin.used.title': 'Este enlace ya se usó',
  'signin.used.body':
    'Cada enlace funciona una sola vez. Si no fuiste tú, no pasa nada: pide un enlace nuevo e inicia sesión otra vez.',
  'signin.expired.title': 'Este enlace ha caducado',
  'signin.expired.body':
    'Los enlaces para iniciar sesión solo funcionan durante poco tiempo, para proteger tu cuenta. Pide uno nuevo.',
  'signin.invalid.title': 'Este enlace no funciona',
  'signin.invalid.body':
    'Puede que el enlace esté incompleto: algunos programas de correo cortan los enlaces largos. Pide uno nuevo.',
  'signin.newLink': 'Pedir un enlace nuevo',

  'signin.rateLimited.title': 'Demasiadas solicitudes para iniciar sesión',
  'signin.rateLimited.body':
    'Recibimos demasiadas solicitudes para iniciar sesión desde tu conexión. Espera una hora y vuelve a intentarlo.',

  'account.title': 'Tu cuenta',
  'account.email': 'Correo electrónico',
  'account.role': 'Rol',
  'account.name': 'Nombre',
  'account.noName': 'Sin indicar',
  'account.role.organizer': 'Organizador',
  'account.role.moderator': 'Moderador',
  'account.role.admin': 'Administrador',
  'account.nameHeading': 'Tu nombre como organizador',
  'account.nameLabel': 'Nombre visible',
  'account.nameHint':
    'Aparece como organizador en las peticiones que inicies a partir de ahora y en el paquete de entrega. Déjalo vacío para quitarlo.',
  'account.nameSubmit': 'Guardar nombre',
  'account.saved': 'Guardamos tu nombre.',
  'account.name.tooLong': 'Tu nombre puede tener como máximo {max} caracteres.',
  'account.name.invalidCharacters':
    'Tu nombre contiene caracteres que no podemos aceptar. Usa letras, espacios y signos de puntuación.',
  'account.sessionsHeading': 'Dispositivos',
  'account.sessionsBody':
    '¿Perdiste el teléfono o iniciaste sesión en una computadora compartida? Cierra todas las sesiones, también esta.',
  'account.signOutEverywhere': 'Cerrar sesión en todas partes',

  'mail.signIn.subject': 'Tu enlace para iniciar sesión en {site}',
  'mail.signIn.intro':
    'Alguien pidió iniciar sesión en {site} con esta dirección de correo. Usa el botón de abajo para entrar.',
  'mail.signIn.action': 'Iniciar sesión',
  'mail.signIn.expiry': {
    one: 'El enlace funciona una sola vez, durante {count} minuto.',
    other: 'El enlace funciona una sola vez, durante {count} minutos.',
  },
  'mail.signIn.notYou': 'Si no pediste iniciar sesión, ignora este correo: nadie puede entrar sin el enlace.',

  'users.title': 'Cuentas y funciones',
  'users.back': '← Administración',
  'users.intro':
    'Quienes organizan inician peticiones; quienes moderan revisan peticiones y denuncias; quienes administran además cambian la configuración, las listas de bloqueo y las funciones. Un cambio se aplica en la siguiente página que abra la persona.',
  'users.search': 'Buscar por correo o nombre',
  'users.searchSubmit': 'Buscar',
  'users.none': 'Ninguna cuenta coincide.',
  'users.caption': { one: '{count} cuenta', other: '{count} cuentas' },
  'users.col.account': 'Cuenta',
  'users.col.petitions': 'Peticiones',
  'users.col.lastSignIn': 'Último inicio de sesión',
  'users.col.role': 'Función',
  'users.never': 'Nunca',
  'users.you': '(usted)',
  'users.roleOf': 'Función de {email}',
  'users.roleSubmit': 'Cambiar función',
  'users.more': 'Solo se muestran las primeras {count} cuentas: busque para encontrar otras.',
  'users.changed': 'Se cambió la función.',
  'users.badRole': 'Elija una de las funciones de la lista.',
  'users.notYourself': 'No puede cambiar su propia función: pídaselo a otra persona administradora.',
} satisfies Record<keyof typeof accountsEn, Message>;
