import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { Public } from '../core/auth.guard.js';
import { jsonSchema } from '../core/openapi.js';
import { CurrentPrincipal, Roles, type Principal } from '../core/principal.js';
import { LOGIN_LIMIT } from '../core/rate-limit.js';
import { clearSessionCookie, writeSessionCookie } from '../core/session-cookie.js';
import { validate } from '../core/validate.js';
import { ChangePasswordSchema, LoginSchema } from './accounts.schemas.js';
import { SessionsService } from './sessions.service.js';
import { UsersService } from './users.service.js';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(UsersService) private readonly users: UsersService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @Throttle({ default: LOGIN_LIMIT })
  @ApiOperation({ summary: 'Log in with a password: sets an httpOnly session cookie; answers the user and the CSRF token for writes' })
  @ApiBody({ schema: jsonSchema(LoginSchema) })
  async login(@Body() body: unknown, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const input = validate(LoginSchema, body);
    const session = await this.sessions.login(input.username, input.password);
    writeSessionCookie(req, res, session.secret);
    return { user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  }

  @Post('logout')
  @HttpCode(200)
  @Roles('viewer')
  @ApiOperation({ summary: 'End this session' })
  logout(@CurrentPrincipal() p: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    if (p.session) this.sessions.logout(p.session.idSha256);
    clearSessionCookie(req, res);
    return { loggedOut: true };
  }

  @Get('me')
  @ApiOperation({ summary: 'Who is calling: username, role, how authenticated, and the CSRF token of a session' })
  me(@CurrentPrincipal() p: Principal) {
    return { userId: p.userId, username: p.username, role: p.role, via: p.via, csrfToken: p.session?.csrfToken ?? null };
  }

  @Post('password')
  @HttpCode(200)
  @Roles('viewer')
  @ApiOperation({ summary: 'Change your own password (ends your other sessions)' })
  @ApiBody({ schema: jsonSchema(ChangePasswordSchema) })
  password(@CurrentPrincipal() p: Principal, @Body() body: unknown) {
    return this.users.changeOwnPassword(p, validate(ChangePasswordSchema, body));
  }
}
