/** The three pictures (and d3), one chunk loaded once the prompt is up: see App.svelte. */
export { default as LayerPicture } from './LayerPicture.svelte';
export { default as ProcessPicture } from './ProcessPicture.svelte';
export { default as NetworkPicture } from './NetworkPicture.svelte';
