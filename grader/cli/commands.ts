// Commands beyond run/replay, loaded on demand.

type Handler = (argv: string[], io: { out: (s: string) => void; err: (s: string) => void }) => Promise<number>;

export const commands: Record<string, Handler> = {};
