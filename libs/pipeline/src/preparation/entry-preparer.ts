import type { CustomEntity, Enricher } from '@parallax/enrich';
import { type EntryToEnrich, type PreparedEntry, type ReadDocument, type ResourceToRead, type SourceToRead, prepareEntries, readDocument } from './entry-preparation.js';

/**
 * Runs the CPU-bound part of polls ({@link readDocument}, {@link prepareEntries}): on the calling
 * thread ({@link InlinePreparer}) or on worker threads ({@link WorkerPreparer}), so that enrichment
 * runs beside the store writes, story clustering and indexing instead of taking turns with them.
 */
export interface EntryPreparer {
  /** Resolves once every thread has its enricher built and warmed up. */
  ready(): Promise<void>;
  /** {@link readDocument}: `knownGuids` are guids the source is known to hold (their entries are not read). */
  read(source: SourceToRead, resource: ResourceToRead, fetchedAt: string, knownGuids: readonly string[]): Promise<ReadDocument>;
  prepare(entries: EntryToEnrich[]): Promise<PreparedEntry[]>;
  /** Enrich with the analysts' current custom entities from now on. */
  reload(customEntities: CustomEntity[]): Promise<void>;
  close(): Promise<void>;
}

/** On the calling thread, with the runtime's current enricher. */
export class InlinePreparer implements EntryPreparer {
  constructor(private readonly enricher: () => Pick<Enricher, 'enrichWithHeadlineKeys'>) {}

  /** Nothing to start: this thread's enricher is the runtime's, and a first poll builds what it lazily needs. */
  ready(): Promise<void> {
    return Promise.resolve();
  }

  read(source: SourceToRead, resource: ResourceToRead, fetchedAt: string, knownGuids: readonly string[]): Promise<ReadDocument> {
    return Promise.resolve().then(() => readDocument(source, resource, fetchedAt, knownGuids));
  }

  prepare(entries: EntryToEnrich[]): Promise<PreparedEntry[]> {
    return Promise.resolve().then(() => prepareEntries(this.enricher(), entries));
  }

  /** The runtime replaces its enricher itself. */
  reload(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
