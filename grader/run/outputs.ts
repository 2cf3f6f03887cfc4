// Turns what a running cell writes into nbformat outputs: stream text (consecutive writes to
// the same stream merged), display_data bundles from tslab's display hook, and error outputs
// carrying the text tslab prints for a failed cell.
import util from 'util';
import type { DisplayDataOutput, ErrorOutput, JSONObject, JSONValue, MimeBundle, Output } from '../notebook';
import type { TslabDisplayData } from './tslab';

export class CellOutputs {
  readonly outputs: Output[] = [];

  stream(name: 'stdout' | 'stderr', text: string): void {
    if (text === '') return;
    const last = this.outputs[this.outputs.length - 1];
    if (last && last.output_type === 'stream' && last.name === name) last.text += text;
    else this.outputs.push({ output_type: 'stream', name, text });
  }

  push(output: Output): void {
    this.outputs.push(output);
  }
}

/**
 * Display outputs by display id, across cells, so `update_display_data` (tslab's `newDisplay()`
 * writing a second time) replaces the earlier output in place, as Jupyter front ends and nbclient do.
 */
export class DisplayRegistry {
  private readonly byId = new Map<string, DisplayDataOutput[]>();

  /** Handles one call of tslab's display hook. */
  write(target: CellOutputs, msg: TslabDisplayData, update: boolean): void {
    const data = toBundle(msg.data);
    const metadata = toJsonObject(msg.metadata ?? {});
    const id = typeof msg.transient?.display_id === 'string' ? msg.transient.display_id : undefined;
    if (update) {
      // An update only rewrites existing outputs with that id; nbclient ignores unknown ids.
      for (const out of (id && this.byId.get(id)) || []) {
        out.data = data;
        out.metadata = metadata;
      }
      return;
    }
    const out: DisplayDataOutput = { output_type: 'display_data', data, metadata };
    target.push(out);
    if (id) {
      const list = this.byId.get(id) ?? [];
      list.push(out);
      this.byId.set(id, list);
    }
  }
}

/** A JSON copy of a display bundle; binary data becomes base64, as tslab's `display.raw` does. */
function toBundle(data: { [mime: string]: unknown }): MimeBundle {
  const out: MimeBundle = {};
  for (const [mime, value] of Object.entries(data ?? {})) {
    if (value === undefined) continue;
    out[mime] = value instanceof Uint8Array ? Buffer.from(value).toString('base64') : toJson(value);
  }
  return out;
}

function toJson(value: unknown): JSONValue {
  const text = JSON.stringify(value);
  return text === undefined ? null : (JSON.parse(text) as JSONValue);
}

function toJsonObject(value: unknown): JSONObject {
  const json = toJson(value);
  return json !== null && typeof json === 'object' && !Array.isArray(json) ? json : {};
}

/** One call the executor made to its console.error. */
export type ConsoleCall = unknown[];

/** tslab prints each compile diagnostic with this format (tslab/dist/executor.js printDiagnostics). */
const DIAGNOSTIC_FORMAT = '%s%d:%d - %s';

export function isDiagnosticCall(call: ConsoleCall): boolean {
  return call[0] === DIAGNOSTIC_FORMAT;
}

/** The text tslab's kernel would print for these console.error calls (Node's console formatting). */
export function consoleText(calls: ConsoleCall[]): string {
  return calls.map((args) => util.format(...args) + '\n').join('');
}

/**
 * The error output for a failed cell, from what tslab's executor reported through console.error:
 * compile diagnostics ("3:7 - Type 'string' is not assignable to type 'number'.") or the thrown
 * value: `trace`'s text for it (the student's view, student-trace.ts), else util.inspect's, as tslab prints it.
 */
export function errorOutput(calls: ConsoleCall[], trace: (thrown: unknown) => string | null = () => null): ErrorOutput {
  if (calls.length > 0 && calls.every(isDiagnosticCall)) {
    const lines = calls.map((args) => util.format(...args));
    return { output_type: 'error', ename: 'CompileError', evalue: lines.join('\n'), traceback: lines };
  }
  if (calls.length === 1 && calls[0].length === 1) {
    const thrown = calls[0][0];
    const lines = (trace(thrown) ?? util.inspect(thrown)).split('\n');
    if (util.types.isNativeError(thrown) || thrown instanceof Error) {
      const e = thrown as Error;
      return { output_type: 'error', ename: e.name || 'Error', evalue: e.message, traceback: lines };
    }
    return { output_type: 'error', ename: 'Uncaught', evalue: util.format(thrown), traceback: lines };
  }
  const text = consoleText(calls).replace(/\n$/, '');
  return {
    output_type: 'error',
    ename: 'Error',
    evalue: text || 'the cell failed without a message',
    traceback: text ? text.split('\n') : [],
  };
}
