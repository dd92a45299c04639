/** One measured figure: vidmesh beside its baseline, their ratio and the goal it is held to. */
export interface BenchRow {
  suite: string;
  case: string;
  metric: string;
  vidmesh: number;
  baseline: number;
  ratio: number;
  goal: string;
  unit: string;
}

/** A benchmark suite: `quick` is the ~30 s smoke run (`npm run bench -- --quick`). */
export type Suite = (opts: { quick: boolean }) => Promise<BenchRow[]>;
