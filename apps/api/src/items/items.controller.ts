import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Store } from '@parallax/store';
import { parseId } from '../core/validate.js';

@ApiTags('items')
@ApiBearerAuth()
@Controller('api/items')
export class ItemsController {
  constructor(@Inject(Store) private readonly store: Store) {}

  @Get(':id')
  @ApiOperation({ summary: 'One item, whole (content as sanitised HTML and as text)' })
  get(@Param('id') id: string) {
    return this.store.items.get(parseId(id));
  }
}
