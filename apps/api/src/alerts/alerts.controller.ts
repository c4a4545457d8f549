import { Body, Controller, Delete, Get, Header, HttpCode, Inject, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AlertMatchesQuerySchema, CreateAlertSchema, TestAlertSchema, UpdateAlertSchema } from '@parallax/domain';
import { Public } from '../core/auth.guard.js';
import { jsonSchema } from '../core/openapi.js';
import { parseId, validate } from '../core/validate.js';
import { AlertsService } from './alerts.service.js';

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('api/alerts')
export class AlertsController {
  constructor(@Inject(AlertsService) private readonly alerts: AlertsService) {}

  @Get()
  @ApiOperation({ summary: 'All keyword alerts' })
  list() {
    return this.alerts.list();
  }

  @Post()
  @ApiOperation({ summary: 'Create an alert: a query in the query language, a mode, channels (webhook, e-mail)' })
  @ApiBody({ schema: jsonSchema(CreateAlertSchema) })
  create(@Body() body: unknown) {
    return this.alerts.create(validate(CreateAlertSchema, body));
  }

  @Post('test')
  @HttpCode(200)
  @ApiOperation({ summary: 'What this query would have matched over the last 7 days' })
  @ApiBody({ schema: jsonSchema(TestAlertSchema) })
  test(@Body() body: unknown) {
    return this.alerts.test(validate(TestAlertSchema, body));
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.alerts.get(parseId(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change an alert; mute it (`muted`) or snooze it (`snoozedUntil`)' })
  @ApiBody({ schema: jsonSchema(UpdateAlertSchema) })
  update(@Param('id') id: string, @Body() body: unknown) {
    return this.alerts.update(parseId(id), validate(UpdateAlertSchema, body));
  }

  @Delete(':id')
  remove(@Param('id') id: string) {
    return this.alerts.remove(parseId(id));
  }

  @Get(':id/matches')
  @ApiOperation({ summary: 'The match log, newest first: {items:[{itemId,title,url,matchedAt,reason}], total}' })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  matches(@Param('id') id: string, @Query() query: unknown) {
    const q = validate(AlertMatchesQuerySchema, query, 'query');
    return this.alerts.matches(parseId(id), q.limit, q.offset);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The delivery log: each delivery with every attempt and its status code' })
  deliveries(@Param('id') id: string) {
    return this.alerts.deliveries(parseId(id));
  }

  /** Public to the auth guard: feed readers send no headers, so the per-alert `?token=` opens it. */
  @Public()
  @Get(':id/feed.atom')
  @Header('content-type', 'application/atom+xml; charset=utf-8')
  @ApiOperation({ summary: 'The matches as an Atom 1.0 feed; needs the feed token (`?token=`) of the alert' })
  @ApiQuery({ name: 'token', required: true })
  feed(@Param('id') id: string, @Query('token') token: unknown, @Req() req: Request) {
    const header = req.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    return this.alerts.feed(parseId(id), typeof token === 'string' ? token : undefined, bearer, `${req.protocol}://${req.get('host') ?? 'localhost'}`);
  }
}
