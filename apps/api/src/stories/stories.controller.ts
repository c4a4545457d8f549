import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseId, validate } from '../core/validate.js';
import { StoriesQuerySchema, StoryQuerySchema } from './stories.schemas.js';
import { StoriesService } from './stories.service.js';

@ApiTags('stories')
@ApiBearerAuth()
@Controller('api/stories')
export class StoriesController {
  constructor(@Inject(StoriesService) private readonly stories: StoriesService) {}

  @Get()
  @ApiOperation({ summary: 'Stories (items about one event across outlets and languages), most recently active first; q, entity, from, to, minItems, limit, offset' })
  list(@Query() query: unknown) {
    return this.stories.list(validate(StoriesQuerySchema, query, 'query'));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One story: items by outlet, timeline per outlet per hour or day, linked official denials' })
  get(@Param('id') id: string, @Query() query: unknown) {
    return this.stories.get(parseId(id), validate(StoryQuerySchema, query, 'query').bucket);
  }
}
