import { Body, Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Runtime } from '@parallax/pipeline';
import { jsonSchema } from '../core/openapi.js';
import { validate } from '../core/validate.js';
import { entityLabels } from './entity-labels.js';

const alias = z.string().trim().min(1).max(200);

export const CreateEntitySchema = z
  .object({
    /** A Wikidata QID to add aliases to a known entity, or omitted for a new custom entity. */
    qid: z
      .string()
      .trim()
      .regex(/^(Q[1-9]\d*|X[1-9]\d*)$/, 'must be a Wikidata QID such as Q148 (or X1 for a custom entity)')
      .optional(),
    name: z.string().trim().min(1).max(200),
    /** Aliases per ISO 639-1 language (`*` for every language), or a plain list for every language. */
    aliases: z
      .union([z.array(alias).max(200), z.record(z.string().regex(/^([a-z]{2,3}|\*)$/, 'language keys are ISO 639-1 codes or *'), z.array(alias).max(200))])
      .default([]),
  })
  .strict();

export const EntityLabelsQuerySchema = z
  .object({ lang: z.string().trim().regex(/^[a-z]{2,3}$/, 'must be an ISO 639-1 code such as zh') })
  .strict();

@ApiTags('entities')
@ApiBearerAuth()
@Controller('api/entities')
export class EntitiesController {
  constructor(@Inject(Runtime) private readonly runtime: Runtime) {}

  @Get()
  @ApiOperation({ summary: 'The gazetteer: built-in entities (by Wikidata QID) and custom ones, with aliases per language' })
  list() {
    const custom = new Set(this.runtime.store.entities.list().map((e) => e.qid));
    return this.runtime.enricher.listEntities().map((e) => ({ ...e, custom: custom.has(e.qid) }));
  }

  @Get('labels')
  @ApiOperation({ summary: 'QID → display name in one language: the first alias in that language, else the English name' })
  @ApiQuery({ name: 'lang', required: true, example: 'zh' })
  labels(@Query() query: unknown) {
    const { lang } = validate(EntityLabelsQuerySchema, query, 'query');
    return { lang, labels: entityLabels(this.runtime.enricher.listEntities(), lang) };
  }

  @Post()
  @ApiOperation({ summary: 'Add a custom entity, or aliases to a known one; applies to items ingested from now on' })
  @ApiBody({ schema: jsonSchema(CreateEntitySchema) })
  async create(@Body() body: unknown) {
    const input = validate(CreateEntitySchema, body);
    const qid = input.qid ?? this.nextCustomId();
    const aliases = Array.isArray(input.aliases) ? { '*': input.aliases } : input.aliases;
    const saved = this.runtime.store.entities.upsert({ qid, name: input.name, aliases });
    await this.runtime.reloadEntities();
    return saved;
  }

  /** Custom entities without a QID get X1, X2…: never confused with Wikidata's Q ids. */
  private nextCustomId(): string {
    const used = this.runtime.store.entities
      .list()
      .map((e) => /^X(\d+)$/.exec(e.qid)?.[1])
      .filter((n): n is string => !!n)
      .map(Number);
    return `X${Math.max(0, ...used) + 1}`;
  }
}
