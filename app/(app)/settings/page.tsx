import { redirect } from "next/navigation";
import { requirePageSession } from "@/components/layout/require-session";
import { settingsSections } from "@/components/layout/settings-sections";

/** /settings opens the first section this principal may use. */
export default async function SettingsPage() {
  const { access } = await requirePageSession("/settings");
  const first = settingsSections(access)[0]?.items[0];
  redirect(first?.href ?? "/settings/tokens");
}
