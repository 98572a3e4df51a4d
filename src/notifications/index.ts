/** Notifications: verified marketplace pushes as unified events. */
export * from './event.js';
