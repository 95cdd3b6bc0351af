export * from './api.ts';
export * from './dates.ts';
export * from './kommune.ts';
export * from './kpi.ts';
export * from './milestones.ts';
export * from './protocol.ts';
export * from './schemas.ts';
export * from './status.ts';
