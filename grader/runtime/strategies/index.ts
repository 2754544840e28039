import { Prng } from "../prng";
import type { ScheduleConfig } from "../types";
import { DelayStrategy } from "./delay";
import { GuidedStrategy } from "./guided";
import { PctStrategy } from "./pct";
import { RandomStrategy } from "./random";
import { RoundRobinStrategy } from "./rr";
import type { Strategy } from "./strategy";

export function createStrategy(config: ScheduleConfig): Strategy {
  const rng = new Prng(config.seed, 1);
  switch (config.strategy) {
    case "rr":
      return new RoundRobinStrategy();
    case "random":
      return new RandomStrategy(rng);
    case "pct":
      return new PctStrategy(rng, config.depth, config.expectedSteps);
    case "delay":
      return new DelayStrategy(rng, config.depth, config.expectedSteps);
    case "guided":
      return new GuidedStrategy(config.guide);
  }
}
