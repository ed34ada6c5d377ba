// Bounds the views show before any schema has loaded; the schemas in model.ts enforce them.

export const REFRESH_MINUTES = { min: 5, max: 24 * 60, default: 30 } as const;

/** Days before a token's expiry from which the badge warns. */
export const EXPIRY_WARNING_DAYS = { min: 0, max: 30, default: 3 } as const;

/** Minutes without keyboard or mouse after which the passphrase lock closes (0: never). */
export const LOCK_IDLE_MINUTES = { min: 0, max: 24 * 60, default: 15 } as const;

/** The shortest passphrase the lock accepts. */
export const MIN_PASSPHRASE_LENGTH = 8;
