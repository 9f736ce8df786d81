export function createBaselineActivities() {
  return {
    async noop(_step: string): Promise<void> {
      // Nothing: the baseline measures Temporal's own cost of a lifecycle-shaped workflow.
    },
  };
}

export type BaselineActivities = ReturnType<typeof createBaselineActivities>;
