// Spanish messages of one feature: the privacy page and admins' deletion requests. Same keys as ../en/privacy.ts (checked by the compiler).
import type { Message } from '../message.js';
import type { privacyEn } from '../en/privacy.js';

export const privacyEs = {
  'footer.privacy': 'Privacidad',
  'packet.nameErased': 'Nombre borrado (privacidad)',

  'privacy.title': 'Privacidad',
  'privacy.description':
    'Qué datos guarda Firma cuando firmas una petición, qué es público, cuánto tiempo se guardan y cómo pedir que se borren.',
  'privacy.intro':
    'Firmar una petición puede requerir valor. Aquí te contamos, en palabras sencillas, qué pasa con tus datos cuando firmas en este sitio.',
  'privacy.collect.heading': 'Qué datos guardamos cuando firmas',
  'privacy.collect.body':
    'Tu nombre, tu correo electrónico, tu código postal (y el municipio al que corresponde), tu comentario si escribes uno, cómo quieres que aparezca tu nombre, si quieres recibir noticias de la petición, el idioma que usaste, cuándo firmaste y, si llegaste por un enlace compartido, cuál fue.',
  'privacy.public.heading': 'Qué es público',
  'privacy.public.body':
    'Solo tu nombre tal como elegiste mostrarlo (completo, tu nombre y la inicial del apellido, o nada), tu municipio y tu comentario. Tu código postal no se muestra. El número de firmas es público.',
  'privacy.email.heading': 'Tu correo electrónico nunca es público',
  'privacy.email.body':
    'Tu correo no aparece en ninguna página, no se muestra a otras personas que firmaron y no está en las listas que descargan o entregan quienes organizan. Solo lo usamos para confirmar tu firma y enviarte los correos sobre esta petición que pediste.',
  'privacy.address.heading': 'Tu dirección de internet',
  'privacy.address.body':
    'No guardamos tu dirección de internet (IP). Solo guardamos un código cifrado con una clave secreta de este servidor, que nos permite notar muchas firmas desde un mismo lugar sin conocer la dirección.',
  'privacy.retention.heading': 'Cuánto tiempo guardamos tus datos',
  'privacy.retention.body': {
    one: '{count} día después de que una petición se cierra, borramos los datos personales de todas las personas que la firmaron: nombres, correos electrónicos, comentarios y códigos de dirección.',
    other:
      '{count} días después de que una petición se cierra, borramos los datos personales de todas las personas que la firmaron: nombres, correos electrónicos, comentarios y códigos de dirección.',
  },
  'privacy.kept.heading': 'Qué se conserva después',
  'privacy.kept.body':
    'El número de firmas, cuántas vinieron de cada municipio y código postal, la fecha de cada firma y el registro de la entrega, para que el resultado de la petición siga en pie. Con esos datos nadie puede saber quién firmó.',
  'privacy.withdraw.heading': 'Retirar tu firma',
  'privacy.withdraw.body':
    'Cada correo que te enviamos sobre una petición tiene un enlace para retirar tu firma. Quita tu firma del conteo y borra tus datos de inmediato.',
  'privacy.request.heading': 'Pedir que borremos tus datos',
  'privacy.request.body':
    'Escribe a {contact} con el correo electrónico con el que firmaste. Buscaremos todas las peticiones que firmaste en este sitio y borraremos esas firmas. Guardamos constancia de que se atendió la solicitud, pero no tu dirección.',
  'privacy.thirdParty.heading': 'Sin rastreadores',
  'privacy.thirdParty.body':
    'Este sitio no carga scripts, fuentes, imágenes ni analíticas de otros sitios, y no muestra anuncios. Las únicas cookies recuerdan el idioma que elegiste y, para quienes organizan, que iniciaron sesión.',

  'privacyAdmin.title': 'Solicitudes de borrado',
  'privacyAdmin.intro':
    'Cuando alguien pide que se borren sus datos, busca sus firmas por el correo electrónico con el que firmó y bórralas. La dirección no se guarda: el registro de auditoría anota un código cifrado de ella, el número de firmas y tu nota.',
  'privacyAdmin.email': 'Correo electrónico',
  'privacyAdmin.emailHint':
    'Tal como lo dio la persona. También se encuentran otras formas de la misma dirección (mayúsculas, puntos en direcciones de Gmail, etiquetas +).',
  'privacyAdmin.search': 'Buscar firmas',
  'privacyAdmin.found': { one: '{count} firma con esta dirección', other: '{count} firmas con esta dirección' },
  'privacyAdmin.none': 'No se encontraron firmas con esta dirección.',
  'privacyAdmin.column.petition': 'Petición',
  'privacyAdmin.column.petitionStatus': 'Estado de la petición',
  'privacyAdmin.column.signed': 'Fecha de la firma',
  'privacyAdmin.column.status': 'Firma',
  'privacyAdmin.petitionStatus.draft': 'Borrador',
  'privacyAdmin.petitionStatus.open': 'Abierta',
  'privacyAdmin.petitionStatus.closed': 'Cerrada',
  'privacyAdmin.signatureStatus.confirmed': 'Confirmada',
  'privacyAdmin.signatureStatus.pending': 'Sin confirmar',
  'privacyAdmin.signatureStatus.invalidated': 'Invalidada',
  'privacyAdmin.signatureStatus.other': 'Otro estado',
  'privacyAdmin.note': 'Nota',
  'privacyAdmin.noteHint': 'Cómo y cuándo llegó la solicitud, p. ej. «solicitud recibida por correo el 3 de marzo».',
  'privacyAdmin.erase': { one: 'Borrar {count} firma', other: 'Borrar las {count} firmas' },
  'privacyAdmin.done': {
    one: 'Se borró {count} firma. Los conteos se ajustaron.',
    other: 'Se borraron {count} firmas. Los conteos se ajustaron.',
  },
  'privacyAdmin.errorSummary': { one: 'Hay {count} problema', other: 'Hay {count} problemas' },
  'privacyAdmin.error.email': 'Escribe el correo electrónico con el que firmó la persona.',
  'privacyAdmin.error.noteRequired': 'Escribe una nota: cómo y cuándo llegó la solicitud.',
  'privacyAdmin.error.noteTooLong': 'La nota puede tener como máximo {max} caracteres.',
} satisfies Record<keyof typeof privacyEn, Message>;
