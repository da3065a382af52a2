export * from './plan';
export * from './holders';
export * from './hire';
export * from './departures';
export * from './transfers';
export * from './incentives';
export * from './recruit';
