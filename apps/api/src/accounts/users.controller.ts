import { Body, Controller, Delete, Get, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { jsonSchema } from '../core/openapi.js';
import { Roles } from '../core/principal.js';
import { parseId, validate } from '../core/validate.js';
import { CreateUserSchema, UpdateUserSchema } from './accounts.schemas.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/users')
export class UsersController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'All users (admins only)' })
  list() {
    return this.users.list();
  }

  @Post()
  @ApiOperation({ summary: 'Create a user with a role (admin, analyst, viewer) and optionally a password' })
  @ApiBody({ schema: jsonSchema(CreateUserSchema) })
  create(@Body() body: unknown) {
    return this.users.create(validate(CreateUserSchema, body));
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.users.get(parseId(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change role, password, or disable (ends the user’s sessions)' })
  @ApiBody({ schema: jsonSchema(UpdateUserSchema) })
  update(@Param('id') id: string, @Body() body: unknown) {
    return this.users.update(parseId(id), validate(UpdateUserSchema, body));
  }

  @Delete(':id')
  remove(@Param('id') id: string) {
    return this.users.remove(parseId(id));
  }
}
