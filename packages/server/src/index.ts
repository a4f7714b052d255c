export { buildApp } from "./app.ts";
export { loadConfig, type Config } from "./config.ts";
export { openDatabase, type Database } from "./db/connection.ts";
export { migrate } from "./db/migrate.ts";
export { startSystem } from "./start.ts";
