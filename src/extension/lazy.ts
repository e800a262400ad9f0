export { loadBundle } from '../node/lazy';
