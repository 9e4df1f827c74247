import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Draws a chart's Vega-Lite spec headless, in Node (vega-lite compiles it, vega runs it with no
 * renderer): the marks it drew (axes, legends and titles left out) and every warning or error the
 * libraries logged. The browser tests draw the same specs in Chromium.
 */
export async function drawHeadless(spec: TopLevelSpec): Promise<{ marks: number; byType: Record<string, number>; warnings: string[] }> {
  const warnings: string[] = [];
  const logger: vega.LoggerInterface = {
    level: () => logger as never,
    error: (...args: readonly unknown[]) => (warnings.push(`error: ${args.join(' ')}`), logger),
    warn: (...args: readonly unknown[]) => (warnings.push(args.join(' ')), logger),
    info: () => logger,
    debug: () => logger,
  } as vega.LoggerInterface;
  const compiled = compile(spec, { logger });
  const view = new vega.View(vega.parse(compiled.spec), { renderer: 'none', logger });
  await view.runAsync();
  const byType: Record<string, number> = {};
  const walk = (node: { marktype?: string; role?: string; items?: unknown[] }) => {
    const items = (node.items ?? []) as { items?: unknown[] }[];
    if (node.marktype !== undefined && !/axis|legend|title|frame|header|scope/.test(node.role ?? '')) {
      const leaves = items.filter((item) => item.items === undefined).length;
      if (leaves > 0) byType[node.marktype] = (byType[node.marktype] ?? 0) + leaves;
    }
    for (const item of items) walk(item as never);
  };
  walk((view.scenegraph() as unknown as { root: never }).root);
  view.finalize();
  return { marks: Object.values(byType).reduce((a, b) => a + b, 0), byType, warnings };
}
