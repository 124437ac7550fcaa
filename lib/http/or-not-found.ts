import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";

/**
 * For pages: an operation's `not_found` (absent, or not the viewer's to see: the same answer,
 * SPEC §3) becomes Next's 404 page, and so does its `forbidden`: a screen the viewer lacks the
 * permission for is not revealed (the settings navigation does not offer it either). The
 * operation decides; the page does not repeat its check. Every other error propagates.
 */
export async function orNotFound<T>(operation: Promise<T>): Promise<T> {
  try {
    return await operation;
  } catch (error) {
    if (isAppError(error) && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
}
