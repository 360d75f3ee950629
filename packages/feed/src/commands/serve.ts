import { serveFeed } from '../server/serve-feed.js';

export const serveUsage = `Usage: brusano-feed serve <feed-folder> [--port 8081]

Serves a feed folder on http://localhost, with CORS (any page may read it) and ETags, so a
partner can try the widgets against it locally. Ctrl-C stops it.`;

export async function serveCommand(args: string[], out: (line: string) => void): Promise<number> {
  const portAt = args.indexOf('--port');
  const port = portAt >= 0 ? Number(args[portAt + 1]) : 8081;
  const folders = args.filter((arg, index) => !arg.startsWith('--') && index !== portAt + 1);
  if (folders.length !== 1 || !Number.isInteger(port) || port < 0 || port > 65535 || args.some((arg) => arg.startsWith('--') && arg !== '--port')) {
    out(serveUsage);
    return 2;
  }
  const server = await serveFeed(folders[0]!, { port });
  out(`Serving ${folders[0]} at ${server.url.replace('127.0.0.1', 'localhost')}manifest.json — Ctrl-C to stop.`);
  await new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
