import { roundRobin, type Decision, type Strategy } from "./strategy";

/** `rr`: the un-stressed baseline. No preemption, no delay; a program that fails here is wrong, not racy. */
export class RoundRobinStrategy implements Strategy {
  readonly name = "rr";
  choose(d: Decision): number {
    return roundRobin(d);
  }
  delay(): number {
    return 0;
  }
  onSpawn(): void {}
}
