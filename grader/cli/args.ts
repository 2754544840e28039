// A small strict flag parser: unknown flags, missing values and bad numbers are usage
// errors (exit code 2 with a message), never silently ignored.

export class UsageError extends Error {}

export interface FlagSpec {
  [flag: string]: "string" | "int" | "bool" | "list";
}

export interface Parsed {
  positional: string[];
  flags: Record<string, string | number | boolean | number[]>;
}

export function parseArgs(argv: readonly string[], spec: FlagSpec): Parsed {
  const positional: string[] = [];
  const flags: Parsed["flags"] = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq >= 0 ? eq : undefined);
    const type = spec[name];
    if (!type) throw new UsageError(`unknown option --${name}`);
    if (type === "bool") {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      flags[name] = true;
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith("--"))) throw new UsageError(`--${name} needs a value`);
    if (type === "int") flags[name] = parseInteger(name, value);
    else if (type === "list")
      flags[name] = value === "" ? [] : value.split(",").map((v) => parseInteger(name, v.trim()));
    else flags[name] = value;
  }
  return { positional, flags };
}

function parseInteger(name: string, value: string): number {
  if (!/^-?\d+$/.test(value)) throw new UsageError(`--${name} expects a whole number, got "${value}"`);
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new UsageError(`--${name} is out of range: ${value}`);
  return n;
}
