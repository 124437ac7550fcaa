/** `next dev` only: the API application answers /mcp/* here (lib/api/next-dev-mount.ts). */
export { GET, POST, PATCH, PUT, DELETE, HEAD, OPTIONS } from "@/lib/api/next-dev-mount";
