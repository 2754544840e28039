import { Prng } from "../prng";
import type { ScheduleConfig } from "../../protocol/types";
import { DelayStrategy } from "./delay";
import { DirectedStrategy } from "./directed";
import { GuidedStrategy } from "./guided";
import { PctStrategy } from "./pct";
import { RandomStrategy } from "./random";
import { RoundRobinStrategy } from "./rr";
import { SwitchStrategy } from "./switch";
import type { Strategy } from "./strategy";

export interface StrategyHooks {
  /** directed: whether a thread is paused at an acquisition of the cycle. */
  paused(id: number): boolean;
}

export function createStrategy(config: ScheduleConfig, hooks: StrategyHooks): Strategy {
  const rng = new Prng(config.seed, 1);
  switch (config.strategy) {
    case "rr":
      return new RoundRobinStrategy();
    case "random":
      return new RandomStrategy(rng);
    case "pct":
      return new PctStrategy(rng, config.depth, config.expectedSteps);
    case "switch":
      return new SwitchStrategy(rng, config.depth, config.expectedSyncPoints ?? Math.ceil(config.expectedSteps / 3));
    case "delay":
      return new DelayStrategy(rng, config.depth, config.expectedSteps);
    case "guided":
      return new GuidedStrategy(config.guide, config.lenient === true);
    case "directed":
      return new DirectedStrategy(rng, hooks.paused);
  }
}
