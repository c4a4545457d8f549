import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Runtime } from '@parallax/pipeline';
import { SEARCH_INDEX, type SearchIndex } from '@parallax/search';
import { DomainError, SOURCE_KINDS } from '@parallax/domain';
import { isoDateParam, listParam, repeatedParam } from '../core/query-params.js';
import { validate } from '../core/validate.js';

export const SearchQuerySchema = z
  .object({
    q: z.string().max(1000, 'must be at most 1000 characters').default(''),
    entity: listParam,
    outlet: repeatedParam(),
    lang: listParam,
    kind: listParam.pipe(z.array(z.enum(SOURCE_KINDS)).optional()),
    from: isoDateParam.optional(),
    to: isoDateParam.optional(),
    sort: z.enum(['relevance', 'newest']).default('relevance'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(10_000).default(0),
    facets: z.enum(['true', 'false']).default('true'),
  })
  .strict();

@ApiTags('search')
@ApiBearerAuth()
@Controller('api/search')
export class SearchController {
  constructor(
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
    @Inject(Runtime) private readonly runtime: Runtime,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Search coverage in every language at once, with facets and a histogram' })
  @ApiQuery({ name: 'q', required: false, description: 'words, "phrase", a OR b, -word, prefix*, entity:, outlet:, lang:, kind:' })
  search(@Query() query: unknown) {
    const p = validate(SearchQuerySchema, query, 'query');
    if (p.from && p.to && p.from > p.to) throw new DomainError('VALIDATION', 'from must not be after to', { field: 'from' });
    // Entity facets may be given by name in any language (`China`, `中国`) or by QID.
    const entity = p.entity?.flatMap((e) => {
      const qids = this.runtime.enricher.resolveEntity(e);
      if (qids.length === 0) throw new DomainError('VALIDATION', `unknown entity: ${e}`, { field: 'entity' });
      return qids;
    });
    return this.index.search({ ...p, entity, facets: p.facets === 'true' });
  }
}
