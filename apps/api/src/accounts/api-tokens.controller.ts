import { Body, Controller, Delete, Get, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { jsonSchema } from '../core/openapi.js';
import { CurrentPrincipal, Roles, type Principal } from '../core/principal.js';
import { parseId, validate } from '../core/validate.js';
import { CreateTokenSchema } from './accounts.schemas.js';
import { ApiTokensService } from './api-tokens.service.js';

@ApiTags('tokens')
@ApiBearerAuth()
@Roles('viewer')
@Controller('api/tokens')
export class ApiTokensController {
  constructor(@Inject(ApiTokensService) private readonly tokens: ApiTokensService) {}

  @Get()
  @ApiOperation({ summary: 'Your personal API tokens (never the secret: it is shown once, at creation)' })
  list(@CurrentPrincipal() p: Principal) {
    return this.tokens.list(p);
  }

  @Post()
  @ApiOperation({ summary: 'Create a personal API token with your role; the answer holds the token, once' })
  @ApiBody({ schema: jsonSchema(CreateTokenSchema) })
  create(@CurrentPrincipal() p: Principal, @Body() body: unknown) {
    return this.tokens.create(p, validate(CreateTokenSchema, body).name);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke a token: it stops working at once' })
  revoke(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.tokens.revoke(p, parseId(id));
  }
}
