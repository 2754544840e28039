// BUG (order violation): main starts the reporter, then loads the configuration. The
// reporter assumes the configuration is there when it starts; it usually is, because main
// keeps running after spawn() — but not when main is preempted right after starting it.
// Needs 1 preemption (main preempted before it stores the config), or none under PCT when
// the reporter has the higher priority.
import { Shared, spawn, assert } from "interleave";

interface Config {
  title: string;
  width: number;
}

const config = new Shared<Config | null>(null, "config");
const report = new Shared("", "report");

async function reporter() {
  const cfg = await config.get();
  await report.set(`${cfg!.title.toUpperCase()} (${cfg!.width} columns)`);
}

export default async function main() {
  const t = spawn(reporter, "Reporter");
  await config.set({ title: "weekly sales", width: 80 });
  await t.join();
  const r = await report.get();
  assert(r === "WEEKLY SALES (80 columns)", `report was ${JSON.stringify(r)}`);
}
