import { apiApp } from "@/lib/api/create-api-app";

export const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

/** Sends a request through the API application in-process: the same route table and pipeline production serves. */
export async function dispatch(request: Request): Promise<Response> {
  return apiApp().fetch(request);
}
