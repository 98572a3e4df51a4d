/** Not implemented yet: this entry exports nothing until its issue lands. */
export {};
