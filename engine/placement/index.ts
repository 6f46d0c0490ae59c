export {
  hash32, partitionOf, itemSlotOf, ruleSlotOf, campaignSlotOf, shardOf, ShardPlacement,
  EVENT_STREAM, EVENT_SUBJECT_PREFIX, ALL_EVENT_SUBJECTS, DEFINITIONS_SUBJECT, eventSubject, pushSubject, askSubject, ASK_QUEUE,
} from './placement.js';
