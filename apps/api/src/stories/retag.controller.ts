import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Runtime } from '@parallax/pipeline';

@ApiTags('entities')
@ApiBearerAuth()
@Controller('api/entities/retag')
export class RetagController {
  constructor(@Inject(Runtime) private readonly runtime: Runtime) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Re-tag every stored item with the current entities and re-cluster stories; progress as SSE `progress` events (task retag)' })
  start() {
    return this.runtime.retag.start();
  }

  @Get()
  @ApiOperation({ summary: 'State of the re-tag job' })
  status() {
    return this.runtime.retag.status();
  }
}
