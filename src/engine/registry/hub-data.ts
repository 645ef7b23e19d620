/**
 * The simulated Docker Hub's content: the official images' recipes and the `docker search`
 * listings. A chunk of its own in the worker build, loaded by registry.ts's loadHubData before
 * the first pull or search, when a saved machine is restored, or by the prefetch after the prompt
 * (issue 16: the first prompt needs none of it).
 */
export { OFFICIAL } from './catalog';
export { COMMUNITY_SEARCH, OFFICIAL_SEARCH } from './search-data';
