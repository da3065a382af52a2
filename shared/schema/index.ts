export * from './primitives';
export * from './organisation';
export * from './establishment';
export * from './recruitment';
export * from './stage';
export * from './tables';
export * from './personal';
export * from './sync';
