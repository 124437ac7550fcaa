import readline from "node:readline";

const METHOD_NOT_FOUND = -32601;
const PARSE_ERROR = -32700;

/**
 * Line-delimited JSON-RPC 2.0 on stdin/stdout, one request at a time (the Wasm engine is not
 * re-entrant). Lines without a method are the CLI's answers to our `print` requests.
 */
export function serveJsonRpc({ input, output, handle, toError, onClose }) {
  let nextPrintId = 1;
  const write = (message) => output.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
  let queue = Promise.resolve();

  const respond = async ({ id, method, params }) => {
    try {
      const result = await handle(method, params);
      write({ id, result: result === undefined ? {} : result });
    } catch (error) {
      write({
        id,
        error:
          error?.rpcCode === METHOD_NOT_FOUND ? { code: METHOD_NOT_FOUND, message: error.message } : toError(error),
      });
    }
  };

  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      write({ id: null, error: { code: PARSE_ERROR, message: "Parse error" } });
      return;
    }
    if (typeof message.method !== "string") return;
    queue = queue.then(() => respond(message));
  });
  lines.on("close", () => queue.then(onClose));

  return {
    print(content) {
      write({ id: nextPrintId++, method: "print", params: { content } });
    },
  };
}
