// Spanish messages of one feature: abuse defences and the admin settings. Same keys as ../en/abuse.ts (checked by the compiler).
import type { Message } from '../message.js';
import type { abuseEn } from '../en/abuse.js';

export const abuseEs = {
  'abuse.limited.petition':
    'Esta petición está recibiendo más firmas de las que puede procesar ahora mismo. Espera un minuto y vuelve a intentarlo.',
  'abuse.limited.domain':
    'Recibimos demasiadas firmas con direcciones de tu proveedor de correo en poco tiempo. Espera un minuto y vuelve a intentarlo.',
  'abuse.blocked.domain':
    'No podemos aceptar direcciones de este proveedor de correo. Usa otra dirección de correo electrónico.',
  'abuse.blocked.email':
    'No podemos aceptar firmas de esta dirección de correo. Usa otra dirección de correo electrónico.',
  'abuse.blocked.network.title': 'No se puede firmar desde esta red',
  'abuse.blocked.network.body':
    'Las firmas desde la red a la que estás conectado están bloqueadas por abusos. Inténtalo desde otra conexión (por ejemplo, los datos móviles de tu teléfono).',
  'abuse.pow.working': 'Comprobando tu navegador antes de enviar… tarda unos segundos.',
  'abuse.pow.slowerPath':
    'Esta petición está recibiendo muchas más firmas de lo normal, así que comprobamos cada una. Tu navegador no pudo hacer la comprobación automática (necesita JavaScript), así que te enviamos un correo: tu firma cuenta cuando abras el enlace que contiene y confirmes.',

  'settings.title': 'Ajustes del sitio',
  'settings.intro':
    'Estos ajustes se aplican al momento, en todos los servidores, sin reiniciar. Un límite de 0 lo desactiva.',
  'settings.back': 'Volver a la administración',
  'settings.saved': 'Los ajustes están guardados.',
  'settings.errorSummary': {
    one: 'Hay {count} problema en los ajustes',
    other: 'Hay {count} problemas en los ajustes',
  },
  'settings.submit': 'Guardar ajustes',
  'settings.invalid': 'Escribe un número entero de {min} a {max}.',
  'settings.invalid.choice': 'Elige una de las opciones.',
  'settings.group.moderation': 'Moderación',
  'settings.group.limits': 'Límites de frecuencia',
  'settings.group.pow': 'Prueba de trabajo',
  'settings.group.privacy': 'Privacidad',
  'settings.moderationMode': 'Cuándo se publican las peticiones nuevas',
  'settings.moderationMode.help':
    'Si una petición nueva espera en la cola de revisión antes de que el público pueda verla.',
  'settings.moderationMode.first_petition':
    'La primera petición de cada organizador espera revisión; las siguientes se publican al momento y se revisan después',
  'settings.moderationMode.pre': 'Toda petición nueva espera revisión',
  'settings.moderationMode.post': 'Toda petición se publica al momento y se revisa después',
  'settings.reviewDeadlineHours': 'Plazo de revisión (horas)',
  'settings.reviewDeadlineHours.help':
    'Una petición que espera más que esto aparece como atrasada en la cola de revisión.',
  'settings.signPerAddressPerMinute': 'Firmas por conexión por minuto',
  'settings.signPerAddressPerMinute.help':
    'Intentos de firma desde una dirección de cliente en un minuto, sumando todas las peticiones. Mantenlo por encima de lo que una conexión compartida (una escuela, una oficina, una red móvil) envía de buena fe.',
  'settings.signPerPetitionPerMinute': 'Firmas por petición por minuto',
  'settings.signPerPetitionPerMinute.help':
    'Todas las firmas de una petición juntas, en un minuto. Úsalo solo para frenar una petición atacada: a quien firme por encima se le pide que lo intente de nuevo.',
  'settings.signPerDomainPerMinute': 'Firmas por dominio de correo por petición por minuto',
  'settings.signPerDomainPerMinute.help':
    'Firmas con direcciones de un mismo dominio de correo, para una petición, en un minuto. Los grandes proveedores gratuitos están exentos, porque miles de firmantes de buena fe los comparten: {providers}.',
  'settings.reportsPerAddressPerHour': 'Denuncias por conexión por hora',
  'settings.reportsPerAddressPerHour.help':
    'Denuncias de peticiones o comentarios desde una dirección de cliente en una hora.',
  'settings.powSiteWide': 'Prueba de trabajo en todas las peticiones',
  'settings.powSiteWide.help':
    'Antes de que una firma cuente, el navegador de quien firma resuelve un pequeño acertijo (unos segundos de cálculo, sin terceros). Sin JavaScript la firma se acepta igual, y cuenta cuando se confirma por correo.',
  'settings.powAutoBurstPerMinute': 'Activar la prueba de trabajo sola tras tantas firmas desde una red en un minuto',
  'settings.powAutoBurstPerMinute.help':
    'Se cuenta por petición y por red (las tres primeras partes de una dirección IPv4, /24, o los tres primeros grupos de una IPv6, /48). La prueba de trabajo queda activa en esa petición durante una hora. 0: nunca sola.',
  'settings.powDifficulty': 'Dificultad de la prueba de trabajo',
  'settings.powDifficulty.help':
    'Cuántas respuestas puede tener que probar un navegador: con 50.000 un teléfono tarda uno o dos segundos. Más alto es más lento para los scripts y para quien firma de buena fe.',
  'settings.retentionDays': 'Días hasta borrar los datos personales de quienes firman',
  'settings.retentionDays.help':
    'Cuando una petición se cierra, los nombres, correos, comentarios y hashes de dirección de quienes firmaron se borran pasados estos días. Los recuentos y los totales por municipio se conservan.',
  'settings.yes': 'Activada',
  'settings.no': 'Desactivada',
  'settings.pow.heading': 'Prueba de trabajo para una petición',
  'settings.pow.intro':
    'Activa la prueba de trabajo en una petición atacada, o desactívala (esto también termina un periodo activado solo).',
  'settings.pow.slug': 'Dirección de la petición (lo que va tras /p/)',
  'settings.pow.mode': 'Prueba de trabajo',
  'settings.pow.submit': 'Aplicar a esta petición',
  'settings.pow.unknownPetition': 'No hay ninguna petición en esta dirección.',
  'settings.pow.saved': 'La prueba de trabajo de «{slug}» está ahora {state}.',
  'settings.pow.listCaption': 'Peticiones con prueba de trabajo activa',
  'settings.pow.none': 'Ninguna petición tiene la prueba de trabajo activa.',
  'settings.pow.col.petition': 'Petición',
  'settings.pow.col.state': 'Por qué',
  'settings.pow.byAdmin': 'Activada por un administrador',
  'settings.pow.auto': 'Activada sola tras una ráfaga, hasta {time}',
  'settings.pow.siteWide': 'La prueba de trabajo está activa en todas las peticiones (ajuste del sitio, arriba).',

  'blocks.title': 'Listas de bloqueo',
  'blocks.intro':
    'Las firmas de dominios de correo, direcciones de correo y redes bloqueados se rechazan con un mensaje claro. Los proveedores de correo desechable (una lista de unos 120.000 dominios incluida en Firma) se rechazan siempre.',
  'blocks.back': 'Volver a la administración',
  'blocks.add.heading': 'Bloquear algo',
  'blocks.kind': 'Qué bloquear',
  'blocks.kind.domain': 'Un dominio de correo',
  'blocks.kind.email': 'Una dirección de correo',
  'blocks.kind.cidr': 'Una red (dirección o rango CIDR)',
  'blocks.value': 'Valor',
  'blocks.value.help':
    'Un dominio como example.com (también se bloquean sus subdominios), una dirección como nombre@example.com, o una red como 203.0.113.0/24, 2001:db8::/32 o una sola dirección.',
  'blocks.note': 'Nota (por qué, para los demás administradores)',
  'blocks.submit': 'Bloquear',
  'blocks.errorSummary': { one: 'Hay {count} problema con el bloqueo', other: 'Hay {count} problemas con el bloqueo' },
  'blocks.error.kind': 'Elige qué bloquear.',
  'blocks.error.domain': 'Escribe un dominio como example.com.',
  'blocks.error.email': 'Escribe una dirección de correo como nombre@example.com.',
  'blocks.error.cidr': 'Escribe una dirección IPv4 o IPv6, o un rango como 203.0.113.0/24.',
  'blocks.error.note': 'Escribe una nota de hasta 500 caracteres que diga por qué.',
  'blocks.error.duplicate': 'Esto ya está bloqueado.',
  'blocks.added': 'Bloqueado.',
  'blocks.removed': 'El bloqueo se ha quitado.',
  'blocks.caption': { one: '{count} bloqueo', other: '{count} bloqueos' },
  'blocks.none': 'Todavía no hay nada bloqueado.',
  'blocks.col.kind': 'Tipo',
  'blocks.col.value': 'Valor',
  'blocks.col.note': 'Nota',
  'blocks.col.added': 'Añadido',
  'blocks.remove': 'Quitar',
  'blocks.removeLabel': 'Quitar el bloqueo de {value}',
} satisfies Record<keyof typeof abuseEn, Message>;
