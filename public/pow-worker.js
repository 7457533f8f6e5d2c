// Solves a proof-of-work challenge off the page's thread: finds n with SHA-256(salt + n) = challenge.
'use strict';
var BATCH = 64;

function toBytes(hex) {
  var bytes = new Uint8Array(hex.length / 2);
  for (var i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
  return bytes;
}

function same(buffer, expected) {
  var bytes = new Uint8Array(buffer);
  for (var i = 0; i < expected.length; i++) if (bytes[i] !== expected[i]) return false;
  return true;
}

self.onmessage = function (event) {
  var data = event.data || {};
  var expected = toBytes(String(data.challenge || ''));
  var salt = String(data.salt || '');
  var max = Number(data.max) || 0;
  var encoder = new TextEncoder();
  var started = Date.now();
  // Several digests in flight at once: crypto.subtle answers each asynchronously.
  function round(from) {
    if (from > max) {
      self.postMessage({ number: null });
      return;
    }
    var pending = [];
    for (var n = from; n < from + BATCH && n <= max; n++)
      pending.push(crypto.subtle.digest('SHA-256', encoder.encode(salt + n)));
    Promise.all(pending).then(
      function (hashes) {
        for (var i = 0; i < hashes.length; i++) {
          if (same(hashes[i], expected)) {
            self.postMessage({ number: from + i, took: Date.now() - started });
            return;
          }
        }
        round(from + BATCH);
      },
      function () {
        self.postMessage({ number: null });
      },
    );
  }
  round(0);
};
