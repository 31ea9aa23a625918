/** `--name value` and `--flag` command-line options of the bench and load scripts. */
export class Flags {
  private readonly values = new Map<string, string | true>();

  constructor(
    argv: string[],
    private readonly known: Record<string, string>,
  ) {
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i]!;
      if (!arg.startsWith("--")) throw new Error(`unexpected argument ${arg}`);
      const [name, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
      if (!(name in known)) throw new Error(`unknown option --${name}`);
      const next = argv[i + 1];
      if (inline !== undefined) this.values.set(name, inline);
      else if (next !== undefined && !next.startsWith("--")) this.values.set(name, (i++, next));
      else this.values.set(name, true);
    }
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  number(name: string, fallback: number): number {
    const value = this.values.get(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (value === true || !Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} needs a positive number`);
    return parsed;
  }

  /** The option's text, or null when it was not given. */
  text(name: string): string | null {
    const value = this.values.get(name);
    if (value === true) throw new Error(`--${name} needs a value`);
    return value ?? null;
  }

  usage(command: string): string {
    return [`usage: ${command} [options]`, ...Object.entries(this.known).map(([name, help]) => `  --${name.padEnd(16)} ${help}`)].join(
      "\n",
    );
  }
}
