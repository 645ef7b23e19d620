import { Headless } from './headless';
const h = await Headless.start();
await h.type('docker pull -q ubuntu');
h.take();
await h.type('docker run -it ubuntu bash');
console.log(JSON.stringify(h.take(true)));
await h.type('ls /tmp');
console.log(JSON.stringify(h.take(true)));
