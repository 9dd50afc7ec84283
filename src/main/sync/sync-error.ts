/** A sync that cannot start or go on, said in one line for people (no stack trace). */
export class SyncError extends Error {}
