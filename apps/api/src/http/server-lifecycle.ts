import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

/** Listening failed for a reason the operator can fix; the message is one printable line. */
export class ListenError extends Error {
  override readonly name = 'ListenError';
}

/** Starts listening and resolves with the bound address (the real port when `port` is 0). */
export function listen(server: Server, port: number, host?: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      reject(describeListenError(error, port));
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    if (host === undefined) server.listen(port);
    else server.listen(port, host);
  });
}

/**
 * Stops accepting connections and waits for in-flight requests to finish. Keep-alive sockets
 * that stay idle are closed at once; whatever is still open after `timeoutMs` is cut, so a
 * stuck client cannot hold a deploy.
 */
export function close(server: Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!server.listening) {
      resolve();
      return;
    }
    const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
    timer.unref();
    server.close((error) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}

function describeListenError(error: NodeJS.ErrnoException, port: number): Error {
  switch (error.code) {
    case 'EADDRINUSE':
      return new ListenError(`Cannot listen on PORT ${String(port)}: the port is already in use. Set PORT to a free port.`);
    case 'EACCES':
      return new ListenError(`Cannot listen on PORT ${String(port)}: permission denied. Use a port above 1023.`);
    default:
      return error;
  }
}
