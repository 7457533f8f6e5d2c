// The browser features Firma's pages may use: copying a link, going full screen, and nothing that
// senses, pays, tracks or talks to devices. A script injected despite the CSP gets none of them.
import type { secureHeaders } from 'hono/secure-headers';

type PermissionsPolicy = NonNullable<NonNullable<Parameters<typeof secureHeaders>[0]>['permissionsPolicy']>;

/** Given to secureHeaders in src/app.ts; `[]` is `feature=()`, allowed to no page or frame. */
export const PERMISSIONS_POLICY: PermissionsPolicy = {
  // Sensors and devices: a petition has no use for them, and a signer's position is exactly what must not leak.
  accelerometer: [],
  ambientLightSensor: [],
  bluetooth: [],
  camera: [],
  displayCapture: [],
  geolocation: [],
  gyroscope: [],
  hid: [],
  idleDetection: [],
  magnetometer: [],
  microphone: [],
  midi: [],
  serial: [],
  usb: [],
  xrSpatialTracking: [],
  // Money and credentials.
  payment: [],
  publickeyCredentialsGet: [],
  identityCredentialsGet: [],
  otpCredentials: [],
  // Advertising and tracking APIs (the Topics API replaced FLoC's interest-cohort, which browsers no
  // longer know and would warn about in the console).
  browsingTopics: [],
  attributionReporting: [],
  joinAdInterestGroup: [],
  runAdAuction: [],
  // Nothing plays or reads the clipboard; the "copy link" button (public/firma.js) writes to it.
  autoplay: [],
  clipboardRead: [],
  clipboardWrite: ['self'],
  fullscreen: ['self'],
};
