/** A child OS process of the token-rotation proof (argv: url key target id mode); prints its result. */
import { Redis } from 'ioredis';
import { rotateUntil } from './rotate.js';

const [url, key, target, id, mode] = process.argv.slice(2) as [string, string, string, string, 'cas' | 'lock'];
const client = new Redis(url);
process.stdout.write(JSON.stringify(await rotateUntil(client, key, Number(target), id, mode)));
await client.quit();
