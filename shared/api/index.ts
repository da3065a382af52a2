export * from './accounts';
export * from './admin';
export * from './reports';
export * from './responses';
export * from './privacy';
export * from './invitations';
export * from './people-admin';
export * from './erasure';
