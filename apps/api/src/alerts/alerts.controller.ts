import { Body, Controller, Delete, Get, Header, HttpCode, Inject, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AlertMatchesQuerySchema, CreateAlertSchema, TestAlertSchema, UpdateAlertSchema } from '@parallax/domain';
import { Public } from '../core/auth.guard.js';
import { CurrentPrincipal, Roles, type Principal } from '../core/principal.js';
import { jsonSchema } from '../core/openapi.js';
import { parseId, validate } from '../core/validate.js';
import { AlertsService } from './alerts.service.js';

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('api/alerts')
export class AlertsController {
  constructor(@Inject(AlertsService) private readonly alerts: AlertsService) {}

  @Get()
  @ApiOperation({ summary: 'Your keyword alerts (an admin sees everyone’s)' })
  list(@CurrentPrincipal() p: Principal) {
    return this.alerts.list(p);
  }

  @Post()
  @Roles('analyst')
  @ApiOperation({ summary: 'Create an alert: a query in the query language, a mode, channels (webhook, e-mail)' })
  @ApiBody({ schema: jsonSchema(CreateAlertSchema) })
  create(@CurrentPrincipal() p: Principal, @Body() body: unknown) {
    return this.alerts.create(p, validate(CreateAlertSchema, body));
  }

  @Post('test')
  @HttpCode(200)
  @Roles('analyst')
  @ApiOperation({ summary: 'What this query would have matched over the last 7 days' })
  @ApiBody({ schema: jsonSchema(TestAlertSchema) })
  test(@Body() body: unknown) {
    return this.alerts.test(validate(TestAlertSchema, body));
  }

  @Get(':id')
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.alerts.get(p, parseId(id));
  }

  @Patch(':id')
  @Roles('analyst')
  @ApiOperation({ summary: 'Change an alert; mute it (`muted`) or snooze it (`snoozedUntil`)' })
  @ApiBody({ schema: jsonSchema(UpdateAlertSchema) })
  update(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: unknown) {
    return this.alerts.update(p, parseId(id), validate(UpdateAlertSchema, body));
  }

  @Delete(':id')
  @Roles('analyst')
  remove(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.alerts.remove(p, parseId(id));
  }

  @Get(':id/matches')
  @ApiOperation({ summary: 'The match log, newest first: {items:[{itemId,title,url,matchedAt,reason}], total}' })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  matches(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() query: unknown) {
    const q = validate(AlertMatchesQuerySchema, query, 'query');
    return this.alerts.matches(p, parseId(id), q.limit, q.offset);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The delivery log: each delivery with every attempt and its status code' })
  deliveries(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.alerts.deliveries(p, parseId(id));
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
