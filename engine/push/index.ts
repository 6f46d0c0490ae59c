export { PushRouter, type PushListener } from './push-router.js';
