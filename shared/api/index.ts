export * from './admin';
export * from './reports';
export * from './responses';
export * from './privacy';
