// DKIM: a key Firma's mailer can sign with, a selector and a domain DNS can hold, and the record to look up.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import type { Config } from '../config.js';
import { errorCode, errorMessage, type Finding } from './check.js';
import { mailFromDomain } from './mail-from-check.js';

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** RFC 6376: a selector is one or more DNS labels ("firma2025", "eu.firma"). */
const SELECTOR = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`, 'i');
const DOMAIN = new RegExp(`^(?=.{1,253}$)(?:${LABEL}\\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$`, 'i');
const MAKE_KEY = 'make one with `openssl genrsa -out dkim.pem 2048`';

function readKey(file: string): KeyObject | Finding {
  let pem: string;
  try {
    pem = fs.readFileSync(file, 'utf8');
  } catch (err) {
    return {
      ok: false,
      message: `cannot read DKIM_PRIVATE_KEY_FILE ${file} (${errorCode(err) ?? errorMessage(err)}): check the path, and that the user Firma runs as may read it`,
    };
  }
  // PKCS#8 says "BEGIN ENCRYPTED PRIVATE KEY", the older PKCS#1 "Proc-Type: 4,ENCRYPTED"; OpenSSL's own error for them varies.
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: *4, *ENCRYPTED/.test(pem))
    return {
      ok: false,
      message: `${file} is encrypted with a passphrase, which Firma cannot give: store it unencrypted (\`openssl pkey -in ${file} -out dkim.pem\`), readable only by Firma's user`,
    };
  try {
    return createPrivateKey(pem);
  } catch (err) {
    return { ok: false, message: `${file} is not a private key in PEM format (${errorMessage(err)}): ${MAKE_KEY}` };
  }
}

/** What is wrong with the key for signing mail, or undefined; and a note for a short but usable one. */
function keyProblem(key: KeyObject, file: string): Finding | undefined {
  const type = key.asymmetricKeyType;
  // nodemailer signs with rsa-sha256 only; with any other key it sends the mail unsigned, saying nothing.
  if (type !== 'rsa')
    return {
      ok: false,
      message: `${file} is ${type === 'ed25519' ? 'an Ed25519' : `a ${type ?? 'unknown'}`} key, but Firma's mailer signs only with RSA (its mail would go out unsigned): ${MAKE_KEY}`,
    };
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < 1024)
    return {
      ok: false,
      message: `${file} is a ${bits}-bit RSA key; receivers ignore DKIM keys this short: ${MAKE_KEY}`,
    };
  return undefined;
}

export function checkDkim(config: Config): Finding {
  const { dkim } = config.mail;
  const fromDomain = mailFromDomain(config.mail.from);
  if (dkim === undefined)
    return {
      ok: 'warn',
      message: `not set: mail from ${fromDomain} goes out unsigned unless your SMTP provider signs it, and unsigned mail often lands in spam; to sign it, set DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY_FILE`,
    };
  const { domainName, keySelector, privateKeyFile } = dkim;
  if (!SELECTOR.test(keySelector))
    return {
      ok: false,
      message: `DKIM_SELECTOR "${keySelector}" cannot be part of a DNS name: use letters, digits and hyphens (e.g. firma2025)`,
    };
  if (!DOMAIN.test(domainName))
    return { ok: false, message: `DKIM_DOMAIN "${domainName}" is not a domain name (e.g. example.org)` };
  const key = readKey(privateKeyFile);
  if ('ok' in key) return key;
  const problem = keyProblem(key, privateKeyFile);
  if (problem !== undefined) return problem;
  const record = `${keySelector}._domainkey.${domainName}`;
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  const aligned = fromDomain === domainName.toLowerCase() || fromDomain.endsWith(`.${domainName.toLowerCase()}`);
  if (!aligned)
    return {
      ok: 'warn',
      message: `signs as ${domainName}, but MAIL_FROM is at ${fromDomain}: receivers checking DMARC want the two to match; set DKIM_DOMAIN=${fromDomain} (and its key), or change MAIL_FROM`,
    };
  if (bits < 2048)
    return {
      ok: 'warn',
      message: `a ${bits}-bit RSA key for ${domainName}: receivers accept it, but 2048 bits is the norm now; check the TXT record ${record} holds its public key`,
    };
  return {
    ok: true,
    message: `a ${bits}-bit RSA key for ${domainName}; check the DNS TXT record ${record} holds its public key (\`openssl rsa -in ${privateKeyFile} -pubout\`)`,
  };
}
