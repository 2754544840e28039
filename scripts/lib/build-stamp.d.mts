export function sourceHash(root: string): string;
export function staleBuildReason(root: string): string | null;
export function writeBuildStamp(root: string): void;
