// The demo organisation's accounts (prisma/seed), named on the landing page in demo mode.
export const DEMO_ACCOUNTS = "hanako.sato@example.jp, staff@example.jp, manager@example.jp";
