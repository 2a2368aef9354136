import type { OrgFile } from './org.schema';

/**
 * Role groups are resolved through Microsoft Graph. Without it their members would silently hold no
 * role, so a file that names groups is refused at start and on reload until Graph is configured.
 */
export function requireGraphForGroups(graphEnabled: boolean): (data: OrgFile) => string[] {
  return (data) => {
    if (graphEnabled) return [];
    const named = [
      ...Object.keys(data.roleGroups)
        .filter((role) => data.roleGroups[role as keyof OrgFile['roleGroups']])
        .map((role) => `roleGroups.${role}`),
      ...data.networks.filter((n) => n.coordinatorsGroup).map((n) => `networks.${n.id}.coordinatorsGroup`),
      ...data.clusters.filter((c) => c.directorGroup).map((c) => `clusters.${c.id}.directorGroup`),
    ];
    return named.length
      ? [`${named.join(', ')}: role groups need Microsoft Graph (set GRAPH_ENABLED=true and its settings)`]
      : [];
  };
}
