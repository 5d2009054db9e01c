/**
 * @packageDocumentation
 * Channel adapters: small, stateless functions per provider (verify, parse inbound, render
 * outbound). They never touch the database or the queues; apps/api calls them at its edges.
 */
export * from './whatsapp/index.js';
