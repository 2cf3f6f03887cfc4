export interface KernelSpec {
  argv: string[];
  display_name: string;
  language: string;
}

export interface JupyterEnv {
  env: NodeJS.ProcessEnv;
  localDir: string;
  kernelDir: string;
  kernelJsonPath: string;
  spec: KernelSpec;
}

export const KERNEL_NAME: string;
export const REPO_DIR: string;
export const PLOTLY_EXTENSION: string;
export function tslabBin(repoDir?: string): string;
export function kernelSpec(repoDir?: string): KernelSpec;
export function prepareJupyterEnv(options?: { repoDir?: string; baseEnv?: NodeJS.ProcessEnv }): JupyterEnv;
