export { EngineServices, ASK_TIMEOUT_MS, type ProductView, type TrackResult, type OrderResult, type RecommendOptions } from './engine-services.js';
export { SessionTokens, USER_ID_PATTERN } from './session-tokens.js';
export { validateClientEvent, EVENT_ID_PATTERN, type EventStamp } from './validate-event.js';
export { NextTurn } from './next-turn.js';
