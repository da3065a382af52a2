import { createServer, request, type Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * An HTTP proxy in front of the worker that a test can take offline: while offline every
 * connection is cut, which the extension sees exactly as a dropped network.
 */
export async function startSwitchableProxy(targetPort: number) {
  let online = true;
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    if (!online) {
      req.socket.destroy();
      return;
    }
    const upstream = request({ host: '127.0.0.1', port: targetPort, path: req.url, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    setOnline(value: boolean) {
      online = value;
      if (!value) for (const s of sockets) s.destroy();
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
