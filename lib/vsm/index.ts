/** The value stream map domain: types, durations and map totals. Pure TypeScript. */
export * from './types';
export * from './units';
export * from './map';
