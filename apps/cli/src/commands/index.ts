import type { CommandEntry } from './command.js';

/**
 * The command table. Each command is loaded only when run, so `parse` (run hundreds of times by the
 * conformance check) does not pay for opening SQLite or building the gazetteer.
 */
export const commands: Record<string, CommandEntry> = {
  parse: { summary: 'parse <file-or-url> [--content-type MIME]: print a feed as the contract JSON', load: async () => (await import('./parse.command.js')).parseCommand },
  poll: { summary: 'poll [--once] [--source ID]: poll due sources (--once: every enabled source once, then exit)', load: async () => (await import('./poll.command.js')).pollCommand },
  reindex: { summary: 'reindex: rebuild the search index from the SQLite store', load: async () => (await import('./reindex.command.js')).reindexCommand },
  'import-opml': { summary: 'import-opml <file> [--kind media|official]: add the feeds of an OPML file', load: async () => (await import('./opml.command.js')).importOpmlCommand },
  'export-opml': { summary: 'export-opml: print every source (but the demo ones) as OPML 2.0', load: async () => (await import('./opml.command.js')).exportOpmlCommand },
  backup: { summary: 'backup <file> [--force]: online copy of the store, safe while the server runs', load: async () => (await import('./backup.command.js')).backupCommand },
  restore: { summary: 'restore <file>: replace the store with a backup and rebuild the search index (server stopped)', load: async () => (await import('./restore.command.js')).restoreCommand },
  'create-user': { summary: 'create-user <name> --role admin|analyst|viewer: add a user; password from PARALLAX_PASSWORD or stdin', load: async () => (await import('./create-user.command.js')).createUserCommand },
  retag: { summary: 'retag: re-tag every stored item with the current entities, re-cluster stories and re-link denials', load: async () => (await import('./retag.command.js')).retagCommand },
  tag: { summary: 'tag: read JSON Lines {id,text,lang?,sourceKind?} on stdin, print language, entities and denial stance per line', load: async () => (await import('./tag.command.js')).tagCommand },
};
