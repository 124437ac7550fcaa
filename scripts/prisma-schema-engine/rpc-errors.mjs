import { takePanicMessage } from "./load-wasm-engine.mjs";
import { UserFacingError } from "./user-facing-error.mjs";

// The native engine's JSON-RPC error: the CLI reads data.error_code and data.message (a P-code
// error), or data.is_panic; anything else it prints as a raw RPC failure.
const ENGINE_ERROR = 4466;
const ENGINE_ERROR_MESSAGE = "An error happened. Check the data field for details.";

export function isPanic(error) {
  return error instanceof WebAssembly.RuntimeError;
}

/**
 * `error` as the JSON-RPC error object of the native engine. `errorRegistry` holds the JS
 * errors a driver adapter threw, which reach us from the Wasm engine as "external" errors.
 */
export function toRpcError(error, errorRegistry) {
  const jsError = errorFromRegistry(error, errorRegistry);
  if (jsError) return toRpcError(jsError, errorRegistry);
  if (isPanic(error)) {
    const message = takePanicMessage() ?? error.message;
    return {
      code: ENGINE_ERROR,
      message: ENGINE_ERROR_MESSAGE,
      data: { is_panic: true, message, backtrace: error.stack },
    };
  }
  if (error instanceof UserFacingError) return userFacing(error.errorCode, error.message, error.meta);
  if (typeof error?.code === "string" && /^P\d{4}$/.test(error.code)) {
    return userFacing(error.code, error.message, error.meta);
  }
  return userFacing(undefined, error?.message ?? String(error));
}

function userFacing(errorCode, message, meta = {}) {
  const data = { is_panic: false, message, meta, backtrace: null };
  if (errorCode) data.error_code = errorCode;
  return { code: ENGINE_ERROR, message: ENGINE_ERROR_MESSAGE, data };
}

// The Wasm engine reports an adapter's non-driver error as "external error" with the id under
// which @prisma/driver-adapter-utils registered it.
function errorFromRegistry(error, errorRegistry) {
  const id = error?.meta?.id ?? /external error id#(\d+)/i.exec(error?.message ?? "")?.[1];
  if (id === undefined || !errorRegistry) return undefined;
  return errorRegistry.consumeError(Number(id))?.error;
}
