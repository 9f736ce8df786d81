import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Registry } from 'prom-client';
import { User } from '../../src/users/schemas/user.schema';
import { sampleSum } from '../support/prometheus';
import { startWorkerContext } from '../support/worker-context';

let ctx: Awaited<ReturnType<typeof startWorkerContext>>;

beforeAll(async () => {
  ctx = await startWorkerContext('commands');
});

afterAll(async () => {
  await ctx?.close();
});

const commands = async (labels: Record<string, string>) => sampleSum(await ctx.app.get(Registry).metrics(), 'mongodb_commands_total', labels);

test('each command the driver sends to the database is counted once by collection and command name', async () => {
  const users = ctx.app.get<Model<User>>(getModelToken(User.name));
  const before = {
    insert: await commands({ collection: 'users', command: 'insert' }),
    find: await commands({ collection: 'users', command: 'find' }),
    other: await commands({ collection: 'other', command: 'find' }),
  };

  // One create is one insert; two reads by id are two finds; a collection without a model is "other".
  await users.create({ _id: 'usr-counted-1', displayName: 'Counted' });
  await users.findById('usr-counted-1').lean();
  await users.findById('usr-counted-2').lean();
  await ctx.mongo.db!.collection('not_a_service_collection').findOne({ _id: 'x' as never });

  expect(await commands({ collection: 'users', command: 'insert' })).toBe(before.insert + 1);
  expect(await commands({ collection: 'users', command: 'find' })).toBe(before.find + 2);
  expect(await commands({ collection: 'other', command: 'find' })).toBe(before.other + 1);
});

test('labels name collections and commands, never a value from a document', async () => {
  const users = ctx.app.get<Model<User>>(getModelToken(User.name));
  await users.create({ _id: 'usr-private-42', displayName: 'Private Person' });
  const lines = (await ctx.app.get(Registry).metrics()).split('\n').filter((line) => line.startsWith('mongodb_commands_total{'));
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.join('\n')).not.toMatch(/usr-private-42|Private Person|not_a_service_collection/);
});
