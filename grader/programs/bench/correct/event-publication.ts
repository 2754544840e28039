// FIXED order violation: main publishes the configuration, then sets an Event; the reporter
// waits for the Event before reading. Setting an Event happens-before a wait that sees it.
import { Event, Shared, spawn, assert } from "interleave";

interface Config {
  title: string;
  width: number;
}

const config = new Shared<Config | null>(null, "config");
const loaded = new Event("configLoaded");
const report = new Shared("", "report");

async function reporter() {
  await loaded.wait();
  const cfg = await config.get();
  await report.set(`${cfg!.title.toUpperCase()} (${cfg!.width} columns)`);
}

export default async function main() {
  const t = spawn(reporter, "Reporter");
  await config.set({ title: "weekly sales", width: 80 });
  await loaded.set();
  await t.join();
  const r = await report.get();
  assert(r === "WEEKLY SALES (80 columns)", `report was ${JSON.stringify(r)}`);
}
