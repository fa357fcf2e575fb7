/** Pure statistics for the dashboards: weeks and ranges, summaries, XmR charts, before/after tests. */
export * from './weeks';
export * from './stats';
export * from './xmr';
export * from './before-after';
