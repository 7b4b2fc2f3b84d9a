/**
 * Opens the ONNX session of a located, checked model folder: the file `dtype` names for the device
 * (under `auto`, the folder's choice, or q8 when the folder lacks that file, saying so).
 */
import { AutoModelForTokenClassification, type PreTrainedModel } from '@huggingface/transformers';
import { ONNX_FILES, resolveDtype } from './dtype.ts';
import { explain, isMissingFile } from './explain.ts';
import { graphLevelFor } from './graph-level.ts';
import { hasFile, IS_NODE, requireFiles, type Location } from './locate.ts';
import { chooseOrtBuild } from './ort-build.ts';
import type { LoadProgress, Med7Dtype, ResolvedDtype, RunDevice } from './types.ts';
import type { ConfigLike } from './validate.ts';

export interface SessionRequest {
  readonly location: Location;
  readonly config: ConfigLike;
  readonly dtype: Med7Dtype;
  readonly device: RunDevice;
  /** Browser: the folder of onnxruntime-web's files. */
  readonly ortFolder: string;
  /** Node: onnxruntime's intra-op threads. */
  readonly threads?: number;
  readonly onProgress?: (progress: LoadProgress) => void;
  /** Browser: onnxruntime-web's files are ready (LoadOptions.ortReady). */
  readonly ortReady?: Promise<void>;
}

export interface OpenedSession {
  readonly model: PreTrainedModel;
  /** The file that runs. */
  readonly dtype: ResolvedDtype;
  /** Why it is not the file `auto` chose for the device (the folder lacks it), if so. */
  readonly fallbackReason?: string;
}

/** The URL of the weights file a session of `dtype` on `device` reads first. */
export function weightsUrl(
  location: Location,
  dtype: Med7Dtype,
  device: RunDevice,
  config: ConfigLike,
): string {
  return `${location.source}${ONNX_FILES[resolveDtype(dtype, device, config)]}`;
}

export async function openSession(request: SessionRequest): Promise<OpenedSession> {
  const { location, dtype: asked, device, config } = request;
  const chosen = resolveDtype(asked, device, config);
  // A folder copied before it had the int8 file can name it without holding it: under `auto`, run
  // q8 and say so. A dtype asked for by name is never swapped.
  const fallback = asked === 'auto' && chosen !== 'q8' ? 'q8' : undefined;
  if (fallback === undefined) return { model: await openFile(request, chosen), dtype: chosen };
  const fallbackReason = `${ONNX_FILES[chosen]} is missing, so ${ONNX_FILES.q8} runs`;
  if (IS_NODE && !(await hasFile(location.id, ONNX_FILES[chosen]))) {
    if (!(await hasFile(location.id, ONNX_FILES[fallback]))) {
      await requireFiles(location.id, [ONNX_FILES[chosen], ONNX_FILES[fallback]]);
    }
    return { model: await openFile(request, fallback), dtype: fallback, fallbackReason };
  }
  try {
    return { model: await openFile(request, chosen), dtype: chosen };
  } catch (error) {
    if (!isMissingFile(error)) throw error;
    return { model: await openFile(request, fallback), dtype: fallback, fallbackReason };
  }
}

/**
 * Node's sessions plan no memory patterns: a pattern is planned and kept per input shape, and the
 * shape of a model call changes with nearly every call, so it bought no measurable speed and cost
 * about 30 MB a session (`med7 annotate --jobs 1` on 969 notes, 3 rounds: 239-248 MB peak against
 * 269-304 MB, words/s within the machine's drift; docs/batch.md).
 */
const NODE_SESSION = { enableMemPattern: false } as const;

async function openFile(request: SessionRequest, dtype: ResolvedDtype): Promise<PreTrainedModel> {
  const { location, device, onProgress, threads } = request;
  const onnxFile = ONNX_FILES[dtype];
  if (IS_NODE) await requireFiles(location.id, [onnxFile]);
  if (device !== 'cpu') {
    await request.ortReady;
    chooseOrtBuild(device, request.ortFolder);
  }
  try {
    return await AutoModelForTokenClassification.from_pretrained(location.id, {
      local_files_only: true,
      config: request.config as never,
      device,
      dtype,
      // Int8 weights stored as DequantizeLinear → MatMul are folded to float once, at load, instead
      // of being fused into integer kernels: as fast as fp32 (about 1.5× faster than the fused path
      // on onnxruntime-node) with the download size of int8. No effect on the int8 file, whose
      // products are integer kernels by design (onnxruntime still fuses them), or on other styles.
      session_options: {
        extra: { session: { disable_quant_qdq: '1' } },
        ...graphLevelFor(request.config, onnxFile),
        ...(IS_NODE ? NODE_SESSION : {}),
        ...(IS_NODE && threads !== undefined
          ? { intraOpNumThreads: threads, interOpNumThreads: 1 }
          : {}),
      },
      progress_callback:
        onProgress === undefined
          ? undefined
          : (info) => {
              if (info.status === 'progress') {
                onProgress({ file: info.file, loaded: info.loaded, total: info.total });
              }
            },
    });
  } catch (error) {
    throw explain(error, onnxFile, location.source);
  }
}
