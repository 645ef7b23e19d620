import { mount } from 'svelte';
import '@xterm/xterm/css/xterm.css';
import './ui/global.css';
import App from './ui/App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing from index.html');

export default mount(App, { target });

// A second visit, and an offline one, start from the cache kept by static/sw.js (built pages only:
// in dev mode Vite serves unhashed, changing files).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  addEventListener('load', () => void navigator.serviceWorker.register('./sw.js').catch(() => {}));
}
