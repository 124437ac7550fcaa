import { ADMIN_PERMISSIONS } from "@/lib/access/permissions";
import type { Db } from "@/lib/db";
import { findGroups } from "@/lib/iam/groups/find-groups";

export interface GroupOption {
  name: string;
  description: string;
  /** Grants iam:write or servers:write: the picker marks it. */
  admin: boolean;
}

const PAGE = 200;
const MAX_PAGES = 10;

/** Every group (up to 2,000) as a checkbox option for the user forms, in name order. */
export async function findGroupOptions(db: Db): Promise<GroupOption[]> {
  const options: GroupOption[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await findGroups(db, { limit: PAGE, cursor });
    for (const group of result.items) {
      options.push({
        name: group.name,
        description: group.description,
        admin: group.permissions.some((p) => (ADMIN_PERMISSIONS as readonly string[]).includes(p)),
      });
    }
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return options;
}
