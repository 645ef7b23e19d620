export { humanSize } from '../../cli/format/units';
