import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../common/id.pipe';
import { CreateUserDto, UserView } from './dto/users.dto';
import { UsersService } from './users.service';
import { Access } from '../auth/access.decorator';

@ApiTags('platform')
@Controller('v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Access('app')
  @Post()
  @ApiCreatedResponse({ type: UserView })
  @ApiConflictResponse({ description: 'USER_ALREADY_EXISTS: a user with this userId exists' })
  create(@Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(dto);
  }

  @Access('app', 'support')
  @Get(':userId')
  @ApiOkResponse({ type: UserView })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  get(@Param('userId', IdPipe) userId: string): Promise<UserView> {
    return this.users.get(userId);
  }
}
