import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { validate } from '../core/validate.js';
import { CompareQuerySchema } from './stories.schemas.js';
import { StoriesService } from './stories.service.js';

@ApiTags('stories')
@ApiBearerAuth()
@Controller('api/compare')
export class CompareController {
  constructor(@Inject(StoriesService) private readonly stories: StoriesService) {}

  @Get()
  @ApiOperation({ summary: 'Outlets side by side for a story or a query: volume, first/last, languages, distinctive terms, entities, denial share' })
  compare(@Query() query: unknown) {
    return this.stories.compare(validate(CompareQuerySchema, query, 'query'));
  }
}
