/** The shop's display name (the server's shell uses the same, in storefront/server/shell.ts). */
export const SHOP = 'Loop';
