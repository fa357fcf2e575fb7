/** The value stream map domain: types, durations, map totals and waste words. Pure TypeScript. */
export * from './types';
export * from './units';
export * from './map';
export * from './labels';
