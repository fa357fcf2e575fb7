export * from './auth';
export * from './orgs';
export * from './streams';
export * from './measurements';
export * from './ingest';
export * from './improvements';
