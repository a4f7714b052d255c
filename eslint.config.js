import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "data/**", "bench/results.jsonl"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // The web app calls the API through call()/download() (packages/web/src/api/call.ts), typed by
    // the route table: no call site names its own path or answer type.
    files: ["packages/web/src/**"],
    ignores: ["packages/web/src/api/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["../api/client.ts", "../../api/client.ts"].map((name) => ({
            name,
            importNames: ["api", "apiDownload"],
            message: "Call the API with call() or download() from api/call.ts.",
          })),
        },
      ],
    },
  },
  {
    files: ["**/test/**", "**/e2e/**", "packages/server/src/testing.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
