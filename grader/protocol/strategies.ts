// Strategy names, written once. Two sets: what one schedule runs under (the runtime's
// `Strategy` objects, engine/strategies/), and what a run explores with (the CLI's
// --strategy, a failure's `strategy`, replays). The isolate imports the types only.

/** The strategy of one schedule (ScheduleConfig.strategy). */
export const SCHEDULE_STRATEGIES = ["rr", "random", "pct", "delay", "switch", "guided", "directed"] as const;
export type StrategyName = (typeof SCHEDULE_STRATEGIES)[number];

/** What a run explores with: `portfolio` mixes the others, `dfs` enumerates guided schedules. */
export const EXPLORE_STRATEGIES = ["portfolio", "rr", "random", "pct", "delay", "switch", "dfs"] as const;
export type ExploreStrategy = (typeof EXPLORE_STRATEGIES)[number];

/** What a failure names and `replay --strategy` takes: one concrete strategy, not the mix. */
export const REPLAY_STRATEGIES = ["rr", "random", "pct", "delay", "switch", "dfs"] as const;
export type ReplayStrategy = (typeof REPLAY_STRATEGIES)[number];

/** What an exercise manifest may ask for (`schedules.strategy`; `switch` runs inside the portfolio). */
export const MANIFEST_STRATEGIES = ["portfolio", "rr", "random", "pct", "delay", "dfs"] as const;
