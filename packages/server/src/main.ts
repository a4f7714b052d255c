/** `npm start`: one process, one port, the API and the built web app. */
import { loadConfig } from "./config.ts";
import { startSystem } from "./start.ts";
import { DEMO_LOCAL_ONLY, startupMessage } from "./startup-message.ts";

const config = loadConfig();
const system = await startSystem(config);
const { app } = system;

await app.listen({ port: config.port, host: config.host });

if (config.demo) {
  app.log.warn("demo accounts are active");
  if (config.demoLocalOnly) app.log.warn(DEMO_LOCAL_ONLY);
}
console.log(startupMessage(config).join("\n"));

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    system.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
