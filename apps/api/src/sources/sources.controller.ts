import { Body, Controller, Delete, Get, Header, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateSourceSchema, UpdateSourceSchema } from '@parallax/domain';
import { parseId, validate } from '../core/validate.js';
import { jsonSchema } from '../core/openapi.js';
import { SourcesService, PreviewRequestSchema, OpmlImportSchema } from './sources.service.js';

@ApiTags('sources')
@ApiBearerAuth()
@Controller('api/sources')
export class SourcesController {
  constructor(@Inject(SourcesService) private readonly sources: SourcesService) {}

  @Get()
  @ApiOperation({ summary: 'All sources with their health' })
  list() {
    return this.sources.list();
  }

  @Post()
  @ApiOperation({ summary: 'Add a source (feed or HTML statement page)' })
  @ApiBody({ schema: jsonSchema(CreateSourceSchema) })
  create(@Body() body: unknown) {
    return this.sources.create(validate(CreateSourceSchema, body));
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'Fetch and parse a URL (discovering its feed from a web page) without saving anything' })
  @ApiBody({ schema: jsonSchema(PreviewRequestSchema) })
  preview(@Body() body: unknown) {
    return this.sources.preview(validate(PreviewRequestSchema, body));
  }

  @Get('export.opml')
  @Header('content-type', 'text/x-opml; charset=utf-8')
  @ApiOperation({ summary: 'All sources as OPML 2.0' })
  exportOpml() {
    return this.sources.exportOpml();
  }

  @Post('import-opml')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add the feeds of an OPML document; existing URLs are skipped' })
  @ApiBody({ schema: jsonSchema(OpmlImportSchema) })
  importOpml(@Body() body: unknown) {
    return this.sources.importOpml(validate(OpmlImportSchema, body));
  }

  @Delete('demo')
  @ApiOperation({ summary: 'Remove the demo workspace (its sources and items) in one step' })
  removeDemo() {
    return this.sources.removeDemo();
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.sources.get(parseId(id));
  }

  @Get(':id/polls')
  @ApiOperation({ summary: 'The poll log of a source, newest first' })
  polls(@Param('id') id: string) {
    return this.sources.polls(parseId(id));
  }

  @Patch(':id')
  @ApiBody({ schema: jsonSchema(UpdateSourceSchema) })
  update(@Param('id') id: string, @Body() body: unknown) {
    return this.sources.update(parseId(id), validate(UpdateSourceSchema, body));
  }

  @Delete(':id')
  remove(@Param('id') id: string) {
    return this.sources.remove(parseId(id));
  }

  @Post(':id/poll')
  @HttpCode(200)
  @ApiOperation({ summary: 'Poll now: {fetched, new, duplicates, errors}' })
  poll(@Param('id') id: string) {
    return this.sources.poll(parseId(id));
  }
}

