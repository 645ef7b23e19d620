import { mount } from 'svelte';
import '@xterm/xterm/css/xterm.css';
import './ui/global.css';
import App from './ui/App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing from index.html');

export default mount(App, { target });
