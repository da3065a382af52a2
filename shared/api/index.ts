export * from './admin';
export * from './reports';
