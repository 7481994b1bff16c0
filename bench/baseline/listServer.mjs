// The start-up bench's baseline: the least a browser page needs to show the newest stories of an
// archive. A bare HTTP server with better-sqlite3 answers one query; the page fetches it and
// writes 100 rows with plain DOM calls. Usage: node listServer.mjs ARCHIVE
import { createServer } from 'node:http';
import Database from 'better-sqlite3';

const db = new Database(process.argv[2], { readonly: true });
const newest = db.prepare(
  'SELECT id, slug, format, updated_at, total_sec FROM stories ORDER BY updated_at DESC, seq DESC LIMIT 100',
);

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare list</title></head>
<body><ul id="list"></ul>
<script type="module">
  const rows = await (await fetch('/list')).json();
  const list = document.getElementById('list');
  for (const row of rows) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.textContent = row.slug + ' ' + row.format + ' ' + row.updated_at;
    item.append(button);
    list.append(item);
  }
</script></body></html>`;

const server = createServer((req, res) => {
  if (req.url === '/list') {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(newest.all()));
  } else {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(PAGE);
  }
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`http://127.0.0.1:${server.address().port}/\n`);
});
process.on('SIGTERM', () => {
  server.close();
  db.close();
  process.exit(0);
});
