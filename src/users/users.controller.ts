import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
  create(@Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(dto);
  }

  @Access('app', 'support')
  @Get(':userId')
  get(@Param('userId', IdPipe) userId: string): Promise<UserView> {
    return this.users.get(userId);
  }
}
