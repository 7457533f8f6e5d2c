// The Spanish catalog: `satisfies Messages` makes a missing or extra key a compile error.
import type { Messages } from './en.js';
import { accountsEs } from './es/accounts.js';
import { dashboardEs } from './es/dashboard.js';
import { deliveryEs } from './es/delivery.js';
import { invalidationEs } from './es/invalidation.js';
import { securityEs } from './es/security.js';
import { organizeEs } from './es/organize.js';
import { moderationEs } from './es/moderation.js';
import { abuseEs } from './es/abuse.js';
import { privacyEs } from './es/privacy.js';

export const es = {
  'site.name': 'Firma',
  'site.tagline': 'Peticiones que llegan a quienes tienen el poder',
  'site.skipToContent': 'Saltar al contenido principal',
  'site.home': 'Inicio',
  'site.footer': 'Firma es software libre para peticiones. Sin rastreadores, sin anuncios, sin scripts de terceros.',
  'lang.label': 'Idioma',
  'lang.en': 'English',
  'lang.es': 'Español',

  'home.title': 'Peticiones abiertas',
  'home.intro': 'Firma una petición a quienes tienen el poder. Toma menos de un minuto y no necesitas una cuenta.',
  'home.empty': 'Todavía no hay peticiones abiertas.',
  'home.signatures': { one: '{count} firma', other: '{count} firmas' },

  'petition.milestoneReached': { one: '{count} firma alcanzada', other: '{count} firmas alcanzadas' },
  'petition.firstSigners': 'Sé de las primeras personas en firmar',
  'petition.count': { one: '{count} firma', other: '{count} firmas' },
  'petition.nextGoal': 'Próxima meta: {goal}',
  'petition.progressLabel': '{count} de {goal} firmas hacia la próxima meta',
  'petition.to': 'Para:',
  'petition.why': '¿Por qué es importante?',
  'petition.delivery': 'Cómo se entregará',
  'petition.delivery.by_hand': 'En persona.',
  'petition.delivery.by_email': 'Por correo electrónico.',
  'petition.delivery.by_mail': 'Por correo postal.',
  'petition.delivery.other': 'De otra manera.',
  'petition.recentSigners': 'Firmas recientes',
  'petition.noPublicSigners': 'Todavía no hay firmas públicas.',
  'petition.closed': 'Esta petición está cerrada y ya no acepta firmas.',
  'petition.readIn': 'Leer esta petición en',

  'share.heading': 'Comparte esta petición',
  'share.copy': 'Copiar enlace',
  'share.copied': 'Enlace copiado',
  'share.whatsapp': 'WhatsApp',
  'share.email': 'Correo',
  'share.facebook': 'Facebook',
  'share.x': 'X',
  'share.message': 'Firmé «{title}». ¿Firmas tú también?',
  'share.linkLabel': 'Enlace a esta petición',

  'sign.heading': 'Firma esta petición',
  'sign.name': 'Nombre completo',
  'sign.email': 'Correo electrónico',
  'sign.emailHint': 'Nunca se muestra públicamente.',
  'sign.postalCode': 'Código postal (ZIP)',
  'sign.postalCodeHint':
    'Cinco dígitos, como 06106. Sirve para mostrar tu pueblo o ciudad; el código nunca se muestra.',
  'sign.comment': 'Comentario (opcional)',
  'sign.commentHint': 'Público, se muestra con tu nombre como elijas abajo. Hasta {max} caracteres.',
  'sign.display': 'Cómo aparece tu nombre públicamente',
  'sign.display.full': 'Mi nombre completo',
  'sign.display.first_initial': 'Mi nombre y la inicial de mi apellido',
  'sign.display.hidden': 'No mostrar mi nombre',
  'sign.optIn': 'Envíenme noticias sobre esta petición por correo',
  'sign.submit': 'Firmar la petición',
  'sign.privacy':
    'Lo que es público: tu nombre como lo elijas arriba, tu pueblo o ciudad y tu comentario. Lo que nunca es público: tu correo y tu código postal.',
  'sign.confirmNote': 'Te enviaremos un enlace por correo: tu firma contará cuando lo abras y confirmes.',
  'sign.honeypot': 'Deja este campo vacío',
  'sign.errorSummary': { one: 'Corrige {count} problema abajo.', other: 'Corrige {count} problemas abajo.' },

  'error.name.required': 'Escribe tu nombre.',
  'error.name.tooLong': 'Tu nombre puede tener como máximo {max} caracteres.',
  'error.name.invalidCharacters':
    'Tu nombre tiene caracteres que no podemos aceptar. Usa letras, espacios y signos de puntuación.',
  'error.email.required': 'Escribe tu correo electrónico.',
  'error.email.invalid': 'Escribe un correo electrónico válido, como nombre@ejemplo.com.',
  'error.email.tooLong': 'Tu correo puede tener como máximo {max} caracteres.',
  'error.postalCode.required': 'Escribe tu código postal.',
  'error.postalCode.invalid': 'Escribe un código postal (ZIP) de EE. UU. de 5 dígitos, como 06106.',
  'error.comment.tooLong': 'Tu comentario puede tener como máximo {max} caracteres.',
  'error.comment.invalidCharacters': 'Tu comentario tiene caracteres que no podemos aceptar.',
  'error.nameDisplay.invalid': 'Elige cómo aparece tu nombre públicamente.',
  'error.honeypot.filled': 'Deja vacío el campo «Deja este campo vacío».',
  'error.petitionClosed': 'Esta petición está cerrada y ya no acepta firmas.',

  'thanks.title': '¡Gracias por firmar!',
  'thanks.body': 'Tu firma en «{title}» ya cuenta.',
  'thanks.already': 'Ya habías firmado «{title}». Tu firma cuenta una sola vez, así que no cambió nada.',
  'thanks.share': 'Las peticiones ganan cuando la gente las comparte. Pide a alguien que firme:',
  'thanks.back': 'Volver a la petición',

  'page.notFound.title': 'Página no encontrada',
  'page.notFound.body':
    'No encontramos esa página. Puede que la petición haya cambiado de dirección o que el enlace esté incompleto.',
  'page.serverError.title': 'Algo salió mal',
  'page.serverError.body': 'Algo salió mal de nuestro lado. Vuelve atrás e inténtalo de nuevo en un momento.',
  'page.unavailable.title': 'Inténtalo de nuevo en un minuto',
  'page.unavailable.body':
    'El sitio no puede conectarse con su base de datos en este momento, así que no se guardó nada. Inténtalo de nuevo en un minuto.',
  'page.unavailable.form': 'Lo que enviaste está aquí abajo, listo para enviarlo de nuevo.',
  'page.unavailable.retry': 'Enviar de nuevo',
  'sign.unavailable.title': 'Tu firma no se registró',
  'sign.unavailable.body':
    'El sitio no pudo guardar firmas hace un momento, así que tu firma no se registró. Espera un minuto y envíala de nuevo: lo que escribiste sigue aquí.',
  'page.tooLarge.title': 'Lo que enviaste es demasiado grande',
  'page.tooLarge.body':
    'Lo que enviaste supera lo que acepta este formulario. Acorta tu comentario e inténtalo de nuevo.',
  'page.unsupportedType.title': 'No pudimos leer ese formulario',
  'page.unsupportedType.body':
    'El formulario llegó en un formato que no aceptamos. Vuelve atrás y firma con el formulario de la página de la petición.',
  'page.badRequest.title': 'No pudimos leer ese formulario',
  'page.badRequest.body': 'No pudimos leer parte de lo que se envió. Vuelve atrás e inténtalo de nuevo.',
  'page.forbidden.title': 'Este formulario debe enviarse desde Firma',
  'page.forbidden.body':
    'Por tu seguridad, solo aceptamos este formulario cuando se envía desde este sitio. Abre la petición y firma allí.',
  'page.rateLimited.title': 'Demasiados intentos',
  'page.rateLimited.body':
    'Recibimos demasiadas firmas desde tu conexión en poco tiempo. Espera un minuto e inténtalo de nuevo.',
  'page.goHome': 'Ver peticiones abiertas',
  'thanks.checkEmail.title': 'Revisa tu correo para confirmar',
  'thanks.checkEmail.body':
    'Para que tu firma en «{title}» cuente, abre el enlace que acabamos de enviar a tu correo electrónico. Si no llega en unos minutos, revisa la carpeta de correo no deseado.',

  'mail.greeting': 'Hola, {name}:',
  'mail.confirm.subject': 'Confirma tu firma: {title}',
  'mail.confirm.intro':
    'Gracias por firmar «{title}». Tu firma contará cuando confirmes que este es tu correo electrónico.',
  'mail.confirm.action': 'Confirmar mi firma',
  'mail.confirm.expiry': {
    one: 'Este enlace funciona durante {count} día.',
    other: 'Este enlace funciona durante {count} días.',
  },
  'mail.confirm.notYou': 'Si no firmaste tú, ignora este correo: la firma no contará y se borrará.',
  'mail.thanks.subject': 'Gracias por firmar: {title}',
  'mail.thanks.intro': 'Tu firma en «{title}» ya cuenta. Gracias.',
  'mail.already.subject': 'Ya habías firmado: {title}',
  'mail.already.intro':
    'Alguien, seguramente tú, intentó firmar «{title}» otra vez con este correo. Tu firma ya contaba, una sola vez, así que no cambió nada.',
  'mail.milestone.subject': { one: '«{title}» alcanzó {count} firma', other: '«{title}» alcanzó {count} firmas' },
  'mail.milestone.intro': {
    one: '«{title}» alcanzó {count} firma. Gracias por ser parte.',
    other: '«{title}» alcanzó {count} firmas. Gracias por ser parte.',
  },
  'mail.milestone.organizerIntro': {
    one: 'Tu petición «{title}» alcanzó {count} firma.',
    other: 'Tu petición «{title}» alcanzó {count} firmas.',
  },
  'mail.milestone.nextGoal': 'La próxima meta es {goal}. Compartirla otra vez es la mejor manera de llegar.',
  'mail.shareAction': 'Compartir la petición',
  'mail.viewPetition': 'Ver la petición',
  'mail.footer.why': 'Recibes este correo porque esta dirección se usó para firmar «{title}» en {site}.',
  'mail.footer.withdraw': 'Retirar mi firma',
  'mail.footer.unsubscribe': 'No recibir más correos sobre esta petición',

  'confirm.ask.title': 'Confirma tu firma',
  'confirm.ask.body':
    'Tu firma en «{title}» contará cuando pulses el botón de abajo para confirmar que este es tu correo electrónico. Si no firmaste tú, cierra esta página: no se contará nada.',
  'confirm.submit': 'Confirmar mi firma',
  'confirm.title': 'Tu firma está confirmada',
  'confirm.body': 'Gracias. Tu firma en «{title}» ya cuenta.',
  'confirm.already.title': 'Tu firma ya estaba confirmada',
  'confirm.already.body': 'Tu firma en «{title}» ya estaba confirmada. Cuenta una sola vez.',
  'confirm.expired.title': 'Este enlace de confirmación venció',
  'confirm.expired.body': {
    one: 'Los enlaces de confirmación funcionan durante {count} día, y este es más antiguo. Firma la petición otra vez para recibir un enlace nuevo.',
    other:
      'Los enlaces de confirmación funcionan durante {count} días, y este es más antiguo. Firma la petición otra vez para recibir un enlace nuevo.',
  },
  'link.invalid.title': 'Este enlace no funciona',
  'link.invalid.body':
    'Puede que el enlace esté incompleto, o que la firma a la que pertenecía se haya retirado o vencido. Si copiaste el enlace, revisa que lo copiaste completo.',
  'withdraw.title': 'Retirar tu firma',
  'withdraw.body':
    '¿Quieres retirar tu firma de «{title}»? Dejará de contar, y se borrarán tu nombre, tu correo y tu comentario.',
  'withdraw.submit': 'Retirar mi firma',
  'withdraw.done.title': 'Retiraste tu firma',
  'withdraw.done.body': 'Tu firma en «{title}» ya no cuenta, y se borraron tus datos.',
  'unsubscribe.title': 'No recibir más correos sobre esta petición',
  'unsubscribe.body': '¿Quieres dejar de recibir correos sobre «{title}»? Tu firma seguirá contando.',
  'unsubscribe.submit': 'No recibir más correos',
  'unsubscribe.done.title': 'No recibirás más correos',
  'unsubscribe.done.body': 'No recibirás más correos sobre «{title}». Tu firma sigue contando.',

  ...accountsEs,
  ...organizeEs,
  ...dashboardEs,
  ...deliveryEs,
  ...moderationEs,
  ...invalidationEs,
  ...abuseEs,
  ...privacyEs,
  ...securityEs,
} satisfies Messages;
