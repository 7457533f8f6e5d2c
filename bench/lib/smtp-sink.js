// A fast local SMTP sink for the mail benchmark: accepts every message and only counts it.
import { SMTPServer } from 'smtp-server';

export function startSmtpSink() {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 1024 * 1024,
    onData(stream, _session, callback) {
      stream.on('end', () => {
        received += 1;
        callback();
      });
      stream.resume();
    },
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.server.address();
      resolve({
        url: `smtp://127.0.0.1:${port}`,
        received: () => received,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}
