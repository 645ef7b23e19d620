import { Headless } from './tools/headless';
const h = await Headless.start(1);
h.take();
const t0 = Date.now();
for (const line of process.argv.slice(2)) { await h.type(line); console.log(h.take()); console.log('---', Date.now() - t0, 'ms'); }
