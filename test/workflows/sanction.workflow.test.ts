import { WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import {
  AppealStanding,
  SanctionWorkflowInput,
  SanctionWorkflowState,
  appealSettledSignal,
  liftUpdate,
  overturnUpdate,
  sanctionStateQuery,
  sanctionWorkflowId,
} from '../../workflows/sanction-definitions';
import { testServers } from '../support/test-env';
import { fakeActivities } from './fake-activities';
import { refusalOf } from './update-refusal';

const DAY = 86_400_000;
let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: testServers().timeSkippingServerPath } },
  });
});

afterAll(async () => {
  await env?.teardown();
});

type Handle = WorkflowHandle;

/** Runs `body` against a sanction workflow (restriction of `days`, appeal window `appealDays`) on the test server's clock. */
async function withSanction<T>(
  body: (ctx: { handle: Handle; calls: string[] }) => Promise<T>,
  options: { measure?: SanctionWorkflowInput['measure']; days?: number; appealDays?: number; appeal?: () => AppealStanding },
): Promise<T> {
  const taskQueue = `sanction-${randomUUID()}`;
  const { activities, calls } = fakeActivities({ appeal: options.appeal });
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    activities,
    workflowBundle: { codePath: testServers().workflowBundlePath },
  });
  const now = await env.currentTimeMs();
  const measure = options.measure ?? 'restriction';
  const sanctionId = `snc_${randomUUID().slice(0, 8)}`;
  const input: SanctionWorkflowInput = {
    sanctionId,
    measure,
    ...(measure === 'restriction' ? { endsAt: new Date(now + (options.days ?? 7) * DAY).toISOString() } : {}),
    appealableUntil: new Date(now + (options.appealDays ?? 14) * DAY).toISOString(),
  };
  return worker.runUntil(async () => {
    const handle = await env.client.workflow.start('sanctionWorkflow', { taskQueue, workflowId: sanctionWorkflowId(sanctionId), args: [input] });
    try {
      return await body({ handle, calls });
    } catch (error) {
      // A workflow left running with timers holds up the shared test server's clock for the next test.
      await handle.terminate('test failed').catch(() => undefined);
      throw error;
    }
  });
}

/** The state once the workflow has caught up with the skipped time (its timer task runs right after the sleep). */
async function stateWhen(handle: Handle, accept: (state: SanctionWorkflowState) => boolean): Promise<SanctionWorkflowState> {
  for (let attempt = 0; ; attempt++) {
    const state = await handle.query(sanctionStateQuery);
    if (accept(state) || attempt >= 100) return state;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('sanction workflow (time-skipping server)', () => {
  test('R9: a 7-day restriction ends by its durable timer after 7 days, not before, then closes with the appeal window', async () => {
    await withSanction(
      async ({ handle, calls }) => {
        await env.sleep('6d');
        expect(calls).not.toContain('recordSanctionEnd');
        expect((await handle.query(sanctionStateQuery)).phase).toBe('in_force');
        await env.sleep('1d');
        expect(await stateWhen(handle, (state) => state.ended)).toMatchObject({ phase: 'appealable', ended: true });
        expect(calls).toEqual(['recordSanctionEnd']);
        expect(await handle.result()).toMatchObject({ ended: true, lifted: false, overturned: false });
        expect(calls).toEqual(['recordSanctionEnd', 'appealStandingOf']);
      },
      { days: 7, appealDays: 14 },
    );
  });

  test('R9: CS lifts a restriction early; a second lift is refused with SANCTION_NOT_ACTIVE and the timer records no end', async () => {
    await withSanction(
      async ({ handle, calls }) => {
        await env.sleep('2d');
        const state = await handle.executeUpdate(liftUpdate, { args: [{ staffId: 'cs-1', note: 'mistaken identity' }] });
        expect(state).toMatchObject({ phase: 'appealable', lift: { staffId: 'cs-1' } });
        expect(await refusalOf(handle.executeUpdate(liftUpdate, { args: [{ staffId: 'cs-2' }] }))).toBe('SANCTION_NOT_ACTIVE');
        expect(await handle.result()).toMatchObject({ ended: false, lifted: true, overturned: false });
        expect(calls).toEqual(['recordSanctionLift', 'appealStandingOf']);
      },
      { days: 30 },
    );
  });

  test('R7, R9, R10: an upheld appeal overturns a restriction in force at once, without waiting for its end, then restores taken-down content', async () => {
    await withSanction(
      async ({ handle, calls }) => {
        await env.sleep('1d');
        const state = await handle.executeUpdate(overturnUpdate, { args: [{ appealId: 'apl_1', moderatorId: 'mod-2' }] });
        expect(state).toMatchObject({ phase: 'closed', overturn: { appealId: 'apl_1' } });
        expect(await handle.result()).toMatchObject({ ended: false, lifted: false, overturned: true });
        expect(calls).toEqual(['overturnSanction', 'restoreContentOnAppeal']);
      },
      { days: 30 },
    );
  });

  test('an upheld appeal after the restriction ended still overturns it (the record, and the R7 blocks)', async () => {
    await withSanction(
      async ({ handle, calls }) => {
        await env.sleep('2d');
        await stateWhen(handle, (state) => state.ended);
        expect(calls).toEqual(['recordSanctionEnd']);
        await handle.executeUpdate(overturnUpdate, { args: [{ appealId: 'apl_2', moderatorId: 'mod-2' }] });
        expect(await handle.result()).toMatchObject({ ended: true, overturned: true });
        expect(calls).toEqual(['recordSanctionEnd', 'overturnSanction', 'restoreContentOnAppeal']);
      },
      { days: 1 },
    );
  });

  test('a warning has no timer and cannot be lifted; it closes when the appeal window does', async () => {
    await withSanction(
      async ({ handle, calls }) => {
        expect(await refusalOf(handle.executeUpdate(liftUpdate, { args: [{ staffId: 'cs-1' }] }))).toBe('SANCTION_NOT_ACTIVE');
        expect(await handle.result()).toMatchObject({ ended: false, lifted: false, overturned: false });
        expect(calls).toEqual(['appealStandingOf']);
      },
      { measure: 'warning' },
    );
  });

  test('a permanent restriction has no end: after a year it is still in force until CS lifts it', async () => {
    await withSanction(
      async ({ handle, calls }) => {
        await env.sleep('400d');
        expect(await handle.query(sanctionStateQuery)).toMatchObject({ phase: 'in_force', ended: false });
        await handle.executeUpdate(liftUpdate, { args: [{ staffId: 'cs-1' }] });
        // Its appeal window (14 days from the start) is long past: the workflow closes at once.
        expect(await handle.result()).toMatchObject({ lifted: true });
        expect(calls).toEqual(['recordSanctionLift', 'appealStandingOf']);
      },
      { measure: 'permanent' },
    );
  });

  test('an appeal filed in time keeps the workflow open past the window until a moderator decides it', async () => {
    let standing: AppealStanding = { status: 'pending' };
    await withSanction(
      async ({ handle, calls }) => {
        // Window (14 days + 1 minute of grace) closed; the next re-read is a day later.
        await env.sleep('15d');
        await stateWhen(handle, () => calls.includes('appealStandingOf'));
        expect(calls).toEqual(['recordSanctionEnd', 'appealStandingOf']);
        expect((await handle.query(sanctionStateQuery)).phase).toBe('appealable');
        standing = { status: 'denied' };
        await handle.signal(appealSettledSignal);
        expect(await handle.result()).toMatchObject({ ended: true, overturned: false });
        expect(calls).toEqual(['recordSanctionEnd', 'appealStandingOf', 'appealStandingOf']);
      },
      { days: 7, appealDays: 14, appeal: () => standing },
    );
  });

  test('an appeal upheld but never delivered (the API failed after recording it) is applied when the window closes', async () => {
    await withSanction(
      async ({ handle, calls }) => {
        expect(await handle.result()).toMatchObject({ ended: true, overturned: true });
        expect(calls).toEqual(['recordSanctionEnd', 'appealStandingOf', 'overturnSanction', 'restoreContentOnAppeal']);
      },
      { days: 3, appealDays: 5, appeal: () => ({ status: 'upheld', appealId: 'apl_3', moderatorId: 'mod-2' }) },
    );
  });
});
