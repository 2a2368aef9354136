export const rolesVerbs = {
  refresh: 'roles.refresh',
} as const;
