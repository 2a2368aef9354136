import type { OrgFile } from './org.schema';
import { roleGroupsOf } from './organisation';

/**
 * Role groups are resolved through Microsoft Graph. Without it their members would silently hold no
 * role, so a file that names groups is refused at start and on reload until Graph is configured.
 */
export function requireGraphForGroups(graphEnabled: boolean): (data: OrgFile) => string[] {
  return (data) => {
    if (graphEnabled) return [];
    const named = roleGroupsOf(data).map((g) => g.path);
    return named.length
      ? [`${named.join(', ')}: role groups need Microsoft Graph (set GRAPH_ENABLED=true and its settings)`]
      : [];
  };
}
