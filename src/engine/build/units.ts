export { humanSize } from '../../lib/units';
