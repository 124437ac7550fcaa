// Loaded into every process of a registry under test (NODE_OPTIONS=--import …) when
// CONFORMANCE_CLOCK_DIR is set. The registry's clock (Date.now) then runs ahead by the offset
// the suite writes to `$CONFORMANCE_CLOCK_DIR/offset` and announces with SIGUSR2, so the
// 5-minute key-refresh window can be crossed without waiting five minutes. Each process
// acknowledges by writing its offset to `clock-<pid>`; the suite waits for every ack.
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.CONFORMANCE_CLOCK_DIR;
if (dir) {
  const realNow = Date.now;
  let offsetMs = 0;
  Date.now = () => realNow() + offsetMs;
  const ackFile = join(dir, `clock-${process.pid}`);
  const ack = () => writeFileSync(ackFile, String(offsetMs));
  ack();
  process.on("SIGUSR2", () => {
    offsetMs = Number(readFileSync(join(dir, "offset"), "utf8"));
    ack();
  });
  process.on("exit", () => {
    try {
      unlinkSync(ackFile);
    } catch {
      // already gone
    }
  });
}
