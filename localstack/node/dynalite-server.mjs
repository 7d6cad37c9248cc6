// dynalite (the DynamoDB API, in memory) on 127.0.0.1. Usage: node dynalite-server.mjs [port]
// Prints "LISTENING <port>" once it accepts connections. Tables become ACTIVE at once (no CREATING delay),
// which keeps tests fast; everything else is dynalite's own behaviour (no transactions, TTL expiry or PartiQL).
import dynalite from 'dynalite';
import { exitWithParent } from './exit-with-parent.mjs';

const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  console.log(`LISTENING ${server.address().port}`);
});
exitWithParent(() => server.close());
