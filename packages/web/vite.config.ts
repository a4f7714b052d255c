import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  resolve: {
    // One copy of React and Mantine even when a workspace package pulls its own.
    dedupe: ["react", "react-dom", "@mantine/core", "@mantine/hooks", "@mantine/dates"],
  },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: "http://127.0.0.1:3999", changeOrigin: false },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    // exceljs (~930 kB) is a lazy chunk loaded only when a list is exported to Excel.
    chunkSizeWarningLimit: 1000,
  },
});
