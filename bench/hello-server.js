// The raw-limit baseline: Node's plain http server, no framework and no database.
//   GET /        a 11-byte text body
//   GET /page    a body as large as the petition page (PAGE_BYTES, default 12,281 bytes), from memory
//   POST (any)   reads the whole body and answers 303, like an accepted signature
import http from 'node:http';

const port = Number(process.env.PORT ?? 3999);
const page = Buffer.alloc(Number(process.env.PAGE_BYTES ?? 12_281), 'x');
const server = http.createServer((req, res) => {
  if (req.method === 'POST') {
    req.on('data', () => {});
    req.on('end', () => {
      res.writeHead(303, { Location: '/thanks', 'Content-Length': '0' });
      res.end();
    });
    return;
  }
  if (req.url === '/page') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(page.length) });
    res.end(page);
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': '11' });
  res.end('hello world');
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
