import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { validate } from '../core/validate.js';
import { DenialsQuerySchema } from './stories.schemas.js';
import { StoriesService } from './stories.service.js';

@ApiTags('stories')
@ApiBearerAuth()
@Controller('api/denials')
export class DenialsController {
  constructor(@Inject(StoriesService) private readonly stories: StoriesService) {}

  @Get()
  @ApiOperation({ summary: 'Official denials, newest first, with the stories they reject and the coverage before and after each' })
  list(@Query() query: unknown) {
    return this.stories.denials(validate(DenialsQuerySchema, query, 'query'));
  }
}
